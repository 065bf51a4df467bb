# Writes a small uncompressed two-page PDF (running header, page numbers, a
# form XObject, a TJ array) for the fuzz_pdf seeds: make-seed-pdf.py OUT.pdf
import sys
def pdf(objs):
    out=b"%PDF-1.4\n"; offs=[]
    for i,o in enumerate(objs,1):
        offs.append(len(out)); out+=b"%d 0 obj\n"%i+o+b"\nendobj\n"
    x=len(out)
    out+=b"xref\n0 %d\n0000000000 65535 f \n"%(len(objs)+1)+b"".join(b"%010d 00000 n \n"%o for o in offs)
    out+=b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"%(len(objs)+1,x)
    return out
def stream(d, extra=b""):
    return b"<< /Length %d %s>>\nstream\n"%(len(d),extra)+d+b"\nendstream"
p1=b"BT /F1 9 Tf 72 770 Td (Border Technology Briefing) Tj ET\nBT /F1 11 Tf 72 700 Td (In 2021 the U.S. Department of Homeland Security \\(DHS\\) paid $91.9 million) Tj 0 -14 Td (under 8 U.S.C. 1253\\(a\\)\\(1\\); see A/HRC/48/31 and the ICCPR.) Tj ET\nBT /F1 9 Tf 300 40 Td (1) Tj ET"
p2=b"BT /F1 9 Tf 72 770 Td (Border Technology Briefing) Tj ET\nq 1 0 0 1 72 600 cm /X1 Do Q\nBT /F1 11 Tf 72 500 Td [(The Keep Wash) -20 (ington Working Act) ] TJ ET\nBT /F1 9 Tf 300 40 Td (2) Tj ET"
form=b"BT /F1 11 Tf 0 0 Td (OHCHR and ICE wrote to the European Union.) Tj ET"
objs=[b"<< /Type /Catalog /Pages 2 0 R >>",
 b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> /XObject << /X1 8 0 R >> >> >>",
 stream(p1), stream(p2),
 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
 stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 500 50] /Resources << /Font << /F1 7 0 R >> >> ")]
open(sys.argv[1],"wb").write(pdf(objs))
