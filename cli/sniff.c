/* sniff.c: what a file is, from its first bytes. */
#include <string.h>

#include "sniff.h"

typedef struct signature {
    size_t offset;
    const char *bytes;
    size_t len;
    sniff_kind kind;
} signature;

#define SIG(off, s, kind) { off, s, sizeof s - 1, kind }

static const signature signatures[] = {
    SIG(0, "PK\x03\x04", SNIFF_ARCHIVE),              /* zip */
    SIG(0, "PK\x05\x06", SNIFF_ARCHIVE),              /* empty zip */
    SIG(257, "ustar", SNIFF_ARCHIVE),                 /* tar (POSIX and GNU) */
    SIG(0, "7z\xBC\xAF\x27\x1C", SNIFF_ARCHIVE),      /* 7-Zip */
    SIG(0, "Rar!\x1A\x07", SNIFF_ARCHIVE),            /* RAR */
    SIG(0, "070707", SNIFF_ARCHIVE),                  /* cpio (odc) */
    SIG(0, "070701", SNIFF_ARCHIVE),                  /* cpio (newc) */
    SIG(0, "!<arch>\n", SNIFF_ARCHIVE),               /* ar */
    SIG(0, "\x1F\x8B", SNIFF_COMPRESSED),             /* gzip */
    SIG(0, "BZh", SNIFF_COMPRESSED),                  /* bzip2 */
    SIG(0, "\xFD" "7zXZ\x00", SNIFF_COMPRESSED),      /* xz */
    SIG(0, "\x28\xB5\x2F\xFD", SNIFF_COMPRESSED),     /* zstd */
    SIG(0, "LZIP", SNIFF_COMPRESSED),                 /* lzip */
};

static sniff_kind signature_kind(const unsigned char *d, size_t len)
{
    for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
        const signature *s = &signatures[i];
        if (s->offset + s->len <= len && memcmp(d + s->offset, s->bytes, s->len) == 0)
            return s->kind;
    }
    return SNIFF_BINARY;
}

int utf8_length(const unsigned char *d, size_t avail)
{
    unsigned char c = d[0], lo = 0x80, hi = 0xBF;
    size_t n;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if (i >= avail)
            return -1;
        if (d[i] < (i == 1 ? lo : 0x80) || d[i] > (i == 1 ? hi : 0xBF))
            return 0;
    }
    return (int)n;
}

static int looks_like_text(const unsigned char *d, size_t len, int complete)
{
    for (size_t i = 0; i < len;) {
        if (d[i] == 0)
            return 0;
        int n = utf8_length(d + i, len - i);
        if (n == 0 || (n < 0 && complete))
            return 0;
        if (n < 0)
            break;
        i += (size_t)n;
    }
    return 1;
}

sniff_kind sniff_kind_of(const void *head, size_t len)
{
    const unsigned char *d = head;
    if (len == 0)
        return SNIFF_EMPTY;
    if (len >= 5 && memcmp(d, "%PDF-", 5) == 0)
        return SNIFF_PDF;
    sniff_kind kind = signature_kind(d, len);
    if (kind != SNIFF_BINARY)
        return kind;
    size_t window = len < SNIFF_WINDOW ? len : SNIFF_WINDOW;
    for (size_t i = 1; i + 5 <= window; i++)
        if (memcmp(d + i, "%PDF-", 5) == 0)
            return SNIFF_PDF;
    /* fewer bytes than the window: the whole file was seen */
    return looks_like_text(d, window, len < SNIFF_WINDOW) ? SNIFF_TEXT : SNIFF_BINARY;
}

const char *sniff_kind_name(sniff_kind kind)
{
    static const char *const names[] = { "unread", "empty", "pdf", "text", "archive",
                                         "compressed", "binary" };
    return (unsigned)kind <= SNIFF_BINARY ? names[kind] : "unread";
}
