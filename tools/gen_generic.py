# Generates the shape patterns appended to models/generic.dict (kept in the
# worktree's tools/ for the next editor). Usage: python3 gen_generic.py FILE
import sys
p = sys.argv[1]
s = open(p).read()
cut = s.index('@type instrument\n# Named statutes and bills')
s = s[:cut]
SW = r"(?!(?:The|This|That|These|Those|Under|In|If|As|An|A|By|For|From|Its|Their|Our|Such|Since|When|While|After|Before|Both|Each|Every|Any|Per|With|Without|Through|Despite|See|Also|Section|Sec|Title|Article|Articles|Part|Chapter|Paragraph|Statement|Testimony|Report|Letter|Comment|Comments|Submission|Memo|Summary|Analysis|Hearing|Briefing|Support|Supporting|Pass|Passing|Oppose|Opposing|Reject|Enact|Repeal|Amend|Amending|Implementing|According|Pursuant|Regarding|Concerning|Following|Including|Whereas|Recalling|Noting|Reaffirming|Welcoming|Recognizing|Recognising|Emphasizing|Emphasising|Stressing|Bearing|Guided|Taking|Considering|Expressing|Acknowledging|Urging|Ratify|Ratified|Ratifying|Ratification|Signing|Adopting|Adopt|Accede|Accession|Withdraw|Withdrawal|Remove|Consider|Ensure|Review|Apply|Applying|Incorporate|Sign|Where|Although|However|Yet|Unlike|Like|Between|Among|Against|Into|Upon|Within|Whether|Because|Thus|Here|There|Then|Now|Mr|Ms|Dr|Prior|Draft|Proposed|Relevant|Other|Same|Several|Many|Most|All|No|Not|Only|Even|Recent|Current|Former|Existing|States|Parties|State|Party|Journal|Institute|Center|Centre|House|Senate|Subject)\b)"
PFX = r"(?:Non|Inter|Co|Anti|Next|Pre|Post|Multi|Cross|Trans|Sub|Self|Pan|Intra|Extra|Counter|Semi)"
# a capitalised word: a hyphen joins small words ("Follow-up") or a prefix
# ("Inter-American"), never two names ("Agriculture-Rural Housing")
MONTH_WORD = r"(?!(?:January|February|March|April|June|July|August|September|October|November|December)\b)"
TW = MONTH_WORD + r"(?:" + PFX + r"-)?[A-Z][a-z](?:[A-Za-z]|'(?=[a-z])(?!s\b))*(?:-[a-z][A-Za-z]*)*(?:(?<=s)(?:'|\xe2\x80\x99)(?![A-Za-z]))?"
INIT = r"[A-Z]\.(?: ?[A-Z]\.)+"
# a possessive is the owner's name, not a word of the instrument's
# ("Zambia's Penal Code", "the Constitution's Supremacy Clause"), except
# the plurals that start names ("Children's Act 2004", "Women's Protection Act")
NOT_POSS = r"(?!(?!(?:Children|Women|People|Men)'s\b)[A-Z][A-Za-z\-]*'s\b)"
W = r"(?:" + INIT + r"|" + NOT_POSS + r"[A-Z][A-Za-z\-']*)"
LJ = r"(?:(?:of|for|on|in|against|with|de)(?: the)? |and |& )"
KINDS = "Convention|Covenant|Protocol|Protocols|Bill|Memorandum|Optional|Declaration|Charter|Treaty|Agreement|Accord|Code|Decree|Ordinance|Statutes|Law|Regulations|Rules|Principles|Constitution|Clause"
# words before the kind word: a comma may join them ("United Nations
# Educational, Scientific and Cultural Organization (UNESCO) Convention")
LEFT = SW + r"(?>(?:(?<=[Tt]he )\d{4} )?" + W + r"(?:,? " + LJ + r"?(?!(?:" + KINDS + r")\b)(?:" + W + r"|\([A-Z]{2,}\)))*) "
KIND = r"(?:Convention|Covenant|Optional Protocol|Protocol|Declaration|Charter|Treaty|Agreement|Accord|Code|Decree|Ordinance|Statutes(?: Annotated)?|Regulations|Principles|Constitution|Clause|Bill of Rights|Memorandum of Understanding)"
KIND_T = r"(?:" + KIND[3:-1] + r"|Optional Protocols|Rules)"
SMALL = r"(?:of|and|the|for|in|on|to|against|from|with|by|or|a|an|all|its|their|at|into|between|concerning|relating|regarding|as|under|especially|without|forms|persons)"
INTRO = r"(?:on|for|against|relating to|concerning|to|of|between|regarding|Between|On|For|Against|Relating to|Concerning|Regarding|in|In)"
MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December"
# a comma continues a title only into a list that an "and" or "or" closes
# ("Economic, Social and Cultural Rights"), not into the next clause
# ("Decree on the Integration of Aliens, Slovenia introduced ...")
COMMA = r",(?= [A-Z][a-z]+(?:,? (?:[A-Z][A-Za-z\-]*|of|the|for|in|on|to))* (?:and|or) [A-Z])(?! (?:Article|Articles|Art|Para|Paragraph|Section|Annex|Part|Chapter|Principle|Rule|Vol|No|Adopted|Opened|Entered|Signed|Done|" + MONTHS + r")\b)(?= [A-Z][a-z]+[ ,]) "
# "and the" joins a second name ("... and the Programme of Action"), except
# the other party of an agreement ("between X and the Republic of Peru")
# "and" before a kind word starts a second name ("Code of Criminal
# Procedure and Code of Military Justice")
CONT = r"(?:" + COMMA + r"| (?!and its )(?!and (?:the )?(?:Code|Convention|Covenant|Protocol|Charter|Treaty|Constitution|Act)\b)(?!and the (?!(?:Government|Republic|Kingdom|Federal Republic|State|Commonwealth|People's Republic)\b)[A-Z])(?:" + SMALL + r" )*)"
TITLE = r" " + INTRO + r" (?:the )?(?:" + SMALL + r" )*(?>" + TW + r"(?:" + CONT + TW + r")*)"
NOTAIL = r"(?![ \-][A-Z][a-z])"
# Branches: LEFT then a kind word (and its title), LEFT then "Rules" or
# "Optional Protocols" and a title, a kind word and its title (KT), LEFT
# then "Law of 2010", "Law on" and a title; the first that matches wins.
# LEFT (a lookahead and an atomic group) matches the same text in each
# branch, so it is read once for the branches that follow it: all three
# where the text starts with neither a kind word nor "Law" (the third and
# fifth branches cannot match there), in their order where it does. The
# same things are tried in the same order, LEFT once.
KT_BRANCH = SW + KIND_T + TITLE
# Where the third or fifth branch may match: the text starts with the first
# word of a kind (KIND_T) or "Law" (a plain word list: the model factors
# it, pattern.h).
KT_FIRST = sorted(set(w.split(" ")[0].split("(")[0] for w in KIND_T[3:-1].split("|")) | {"Law", "Act"})
KT_START = r"(?:" + "|".join(KT_FIRST) + r")\b"
LAW_YEAR = r"Law(?: of|,) \d{4}"
LAW_TITLE = SW + r"(?<!Case )(?<!case )(?<!Soft )(?<!soft )(?<!Common )(?<!common )Law (?:on|No\.) (?:the )?" + TW + r"(?: (?:" + SMALL + r" )*" + TW + r")*"
# laws of other states in translation: "Act on the Openness of Government
# Activities", "Act Regulating the Legal Status of ..." (not "An Act to",
# the enacting formula, nor "the Act amending")
ACT_TITLE = SW + r"Act (?:on|Regulating|Concerning|Governing) (?:the )?" + TW + r"(?: (?:" + SMALL + r" )*" + TW + r")*"
LEFT_KINDS = KIND + "(?:" + TITLE + "|" + NOTAIL + ")|" + r"(?:Rules|Optional Protocols)" + TITLE
FACTORED = ("(?!" + KT_START + ")" + LEFT + "(?:" + LEFT_KINDS + "|" + LAW_YEAR + ")" +
            "|(?=" + KT_START + ")(?:" + LEFT + "(?:" + LEFT_KINDS + ")|" + KT_BRANCH + "|" + LEFT +
            LAW_YEAR + "|" + LAW_TITLE + "|" + ACT_TITLE + ")")
# Before them, the same for a start that is a word (no year), not a kind
# word nor "Law", whose run of words holds no hyphen or apostrophe (a
# word read without them is not followed by one): where the branches fail
# after the run, no match starts inside it either (from a later word the
# run ends where it ended, and no word of it after the first is a kind
# word or "Law"), so (*SKIP) goes on after it rather than trying each of
# its words again. Any other start is left to FACTORED.
WN = r"(?:" + INIT + r"|[A-Z][A-Za-z]*)"
RUN_PLAIN = r"(?>" + WN + r"(?:,? " + LJ + r"?(?!(?:" + KINDS + r")\b)(?:" + WN + r"|\([A-Z]{2,}\)))*)(?!['\-])"
FAST = ("(?![0-9])(?!" + KT_START + ")" + SW + RUN_PLAIN + "(*SKIP) (?:" + LEFT_KINDS + "|" + LAW_YEAR + ")")
inst = "/(?=[A-Z0-9])(?:" + FAST + "|" + FACTORED + ")/"
BODY = r"(?:Department|Departments|Dept|Ministry|Office|Offices|Bureau|Agency|Agencies|Administration|Commission|Service|Authority|Board|Council|Directorate|Secretariat|Project|Fund|Account|Title|Division|Police|Inspectorate|Ombudsman|Armed|Defence|Defense|Border Force|Gendarmerie|Monitor)"
TWA = r"(?!" + BODY + r"\b)" + TW
ASMALL = r"(?:(?:of|for|on|in|with|against)(?: the)? |and )"
# words that start a person's post or a group of people, not a body's name
# ("Head of Local Self-Government Service", "Members of the ... Commission",
# "Officials in the ... Administration"): the name starts after them
SWA = SW[:-5] + r"|Head|Heads|Member|Members|Official|Officials)\b)"
NOT_TAIL = r"(?:(?<=Head of )|(?<=Heads of )|(?<=Member of the )|(?<=Members of the )|(?<!of )(?<!of the ))(?<!for )(?<!for the )"
AHEAD = r"(?:Ministry|Departments?|Dept\.|Office|Bureau|Directorate(?:-General)?|Agency|Commission|Commissioner|Ombudsman|Inspectorate|Secretariat)"
# Runs of words are atomic groups ((?>...)): a body or kind word is never
# one of them, so the longest run is the only one to try, and a failed
# match does not backtrack through every shorter run.
# a remit that runs into the next body's name ("Department of Health and
# Human Services Food and Drug Administration") is two names, not one
# a remit may be a field named with a body's word ("Ministry of Public
# Administration", "Ministry of Civil Service")
TWR = r"(?:(?:Public|Civil|Local) (?:Administration|Service|Services)\b|Ombudsman\b|" + TWA + r")"
# "and" before an officer's title starts a second name ("Office of Civil
# Rights and Commissioner for Refugees" are two)
TITLE_HEAD = r"(?:Commissioner|Minister|Director|Administrator|Secretary)"
AGENCY_TITLE = r" (?:of|for|on|to|Of|For|On) (?:the |The |a )?(?>" + TWR + r"(?: (?!and " + TITLE_HEAD + r"\b)" + ASMALL + r"?" + TWR + r")*)(?!(?: " + ASMALL + r"?" + TW + r")* " + BODY + r"\b)"
AKIND = r"(?:Service|Agency|Administration|Commission|Authority|Bureau|Office|Directorate|Inspectorate|Ombudsman|Police(?: Force| Service)?|Armed Forces|Defence Force|Defense Force|Border Force|Gendarmerie|Monitor)"
# a society, school or foundation is no government body, whatever its
# remit ("American Society for Public Administration", "School of Public
# Policy and Public Administration")
NONGOV = r"(?!(?:Society|School|University|College|Association|Foundation|Academy|Church)\b)"
# nor is a system, programme or project a word of a body's name: in a
# column of names that the text runs together ("Enforcement Management
# System Employment and Training Administration") the next name starts after it
NONGOV += r"(?!(?:System|Systems|Program|Programs|Programme|Programmes|Project|Partnership|Schedule)\b)"
AW = r"(?:" + INIT + r"|" + NONGOV + TWA + r")"
# not the tail of a longer name ("Department of the Treasury Internal
# Revenue Service" holds no "Treasury Internal Revenue Service")
ALEFT = NOT_TAIL + SWA + r"(?>" + AW + r"(?: " + ASMALL + r"?" + AW + r")*) "
ANOTAIL = NOTAIL + r"(?! (?:of|for|on|to|Of|For|On) [A-Z])"
# Before the two branches, the first for a run of words with no body word,
# no "Commissioner" and no hyphen (read with words without them, not
# followed by one): no head word starts it, so the second branch cannot
# match there, and where the first fails after the run no match starts
# inside it either (from a later word the run ends where it ended, and
# no head word starts one of its words), so (*SKIP) goes on after it
# rather than trying each of its words again.
TWP = r"(?!" + BODY + r"\b|Commissioner\b)[A-Z][a-z](?:[A-Za-z]|'(?=[a-z])(?!s\b))*(?:(?<=s)(?:'|\xe2\x80\x99)(?![A-Za-z]))?"
AWP = r"(?:" + INIT + r"|" + NONGOV + TWP + r")"
ARUN_PLAIN = (r"(?>" + AWP + r"(?: " + ASMALL + r"?" + AWP + r")*)(?!-| " + ASMALL + r"?Commissioner\b)")
AFAST = (NOT_TAIL + SWA + ARUN_PLAIN + "(*SKIP) " +
         AKIND + "(?:" + AGENCY_TITLE + "|" + ANOTAIL + ")")
# a ministry's remit is often a list: "Ministry of Labour, Family and Social
# Affairs", "Ministry of Education, Science and Sport"
TWL = r"(?!And\b)" + TWA
MLIST = r"(?:, (?>" + TWL + r"(?: " + TWL + r")*))+ (?:and|And) (?>" + TWL + r"(?: " + TWL + r")*)(?! " + BODY + r"\b)"
ag = ("/(?=[A-Z])(?:" + AFAST + "|" + ALEFT + AKIND + "(?:" + AGENCY_TITLE + "|" + ANOTAIL + ")|" + SW +
      r"Ministry" + AGENCY_TITLE + MLIST + "|" + SW + AHEAD + AGENCY_TITLE + ")/")
# an adjective and "Act" alone is anaphora ("superseded by the Federal Act",
# "adopted the Uniform Act")
ASW = (SW[:-5] + r"|Division|Subtitle|DIVISION)\b)" +
       r"(?!(?:Federal|Uniform|State|Model|Principal|Amended|Original|Main|Present|Said|Same|New|Old|Current|Parent) Act\b)")
AWORD = r"(?!(?:Act|Bill|An|A|The)\b)(?!Amendments? of \d)(?![A-Z]-)(?:[A-Z]\.|" + NOT_POSS + r"[A-Z][A-Za-z\-']*|\((?:[A-Z][A-Za-z]*)(?: (?:and|of|the|for|[A-Z][A-Za-z]*))*\))"
ASEP = r"(?:,? (?:(?:of|for|to|on|in|against|de|with)(?: the)? |and )?)"
act = ("/(?=[A-Z0-9])" + ASW + r"(?![IVXLC]+\b)(?>(?:(?<=[Tt]he )\d{4} )?(?![A-Z]-)" + NOT_POSS + r"[A-Z][A-Za-z\-']*(?:" + ASEP + AWORD + r")*) (?:Act|Bill|Amendments?(?= of \d{4}))" +
       r"(?: for Fiscal Year \d{4}|,? (?:of )?\d{4})?/")
out = r'''@type instrument
# Named statutes and bills: capitalised words ending in "Act" or "Bill",
# with an optional year: Keep Washington Working Act, Fourth Amendment Is
# Not For Sale Act, Department of Homeland Security Appropriations Bill,
# 2022, Surveillance Legislation Amendment (Identify and Disrupt) Bill
# 2020, National Defense Authorization Act for Fiscal Year 2018. Commas
# stay inside ("Federal Food, Drug, and Cosmetic Act", "Departments of
# Labor, Health and Human Services, and Education, and Related Agencies
# Appropriations Act, 2022"), as do initials ("Richard B. Russell National
# School Lunch Act") and a conventional year in front ("1975 Racial
# Discrimination Act"). A sentence word ("The", "Under"), a reference
# ("Section", "Article", "Division"), a document about the Act
# ("Statement", "Testimony") or a call to act on it ("Support", "Repeal")
# or a roman numeral ("Title VI of the ...") never starts the name, and
# "the" only follows a joining word ("of the"), so "Pass the X Act" gives
# "X Act"; a name ends at its first "Act" ("the X Act and the Y Act" are
# two), and "An Act" is the enacting formula, not part of a name; "and
# the" joins two names ("the Constitution and the Media Act"). Statutes
# named "Amendments" with their year are named so too ("Medical Device
# Amendments of 1976", "Food Additives Amendment of 1958").
@near " Act" | " Bill" | " Amendment"
%name = ''' + act + r'''

# Named instruments by their shape (GUIDELINES.md: treaties, conventions,
# covenants, protocols, charters, principles, rules, codes, decrees, laws of
# any state): capitalised words before a kind word ("Termination of
# Employment Convention", "Utah Code", "Double Jeopardy Clause", "First
# Optional Protocol") and/or a title after it introduced by "on", "for",
# "against", "relating to", "between" ... ("Convention on the Elimination of
# All Forms of Discrimination against Women", "Agreement Between the
# Government of ..."). The same sentence words as for Acts never start the
# name; a kind word alone ("the Convention") is anaphora and never matches;
# a capitalised word right after the kind word means a longer name of
# something else ("Law Commission"); a title does not run on into a
# citation (", Article 3", ", Dec. 16"), an acronym ("... of the OECD") or
# a second name ("... and the Programme of Action"). "Law" names an
# instrument only with its year or title ("Equality Law of 2010", "Law on
# Foreigners") and "Rules" only with a title, since organisations and
# procedures are named so too ("Just Futures Law", "House Rules"); "Case
# Law on ..." is case law. Month names are never words of a name ("... of
# Slovenia in August"), and "and its Optional Protocol" is a second
# instrument.
# (Generated by tools/gen_generic.py: edit that and re-run it.)
@near Convention | Covenant | Protocol | Declaration | Charter | Treaty | Agreement | Accord | Code | Decree | Ordinance | Statutes | " Law" | "Act on " | "Act Regulating " | "Act Concerning " | "Act Governing " | Regulations | Rules | Principles | Constitution | Clause | "Bill of Rights" | "Memorandum of Understanding"
%name = ''' + inst + r'''

# Agencies by their shape: capitalised words before a body word ("Rural
# Housing Service", "Election Assistance Commission", "Scottish Human Rights
# Commission", "U. S. Customs and Border Protection Agency") or a body word
# with its remit after it ("Office of Nuclear Energy", "Ministry of
# Justice", "Dept. of Homeland Security", "Commission on a Bill of
# Rights"). A name holds one body word: headings that run several together
# ("Department of Agriculture-Rural Housing Service-...", "Executive Office
# of the President Office of Management and Budget") give the parts the
# dictionaries know, not one long span. A ministry's remit may be a list
# ("Ministry of Labour, Family and Social Affairs"), a delegation's list
# may write "Ministry Of Justice", and a post or a group of people before
# the name stays outside ("Head of ...", "Members of the ..."). "And"
# before an officer's title starts a second name ("Office of Civil Rights
# and Commissioner for Refugees").
@type agency
@near Service | Agency | Administration | Commission | Authority | Bureau | Office | Directorate | Inspectorate | Ombudsman | Police | Forces | " Force" | Gendarmerie | Monitor | Ministry | Department | Dept. | Secretariat
%name = ''' + ag + r'''

# Titles of instruments published in the Federal Register or named after an
# order's date: the rule titled "Asylum Eligibility and Procedural
# Modifications," 85 FR 82,260; Proclamation 9880 of May 8, 2019
# (Addressing Mass Migration Through the Southern Border of the United
# States). The quotation marks and brackets stay outside. A notice about a
# programme, a policy, a plan or a fund ("Termination of the ... Parole
# Program," 82 FR 38,926) is not an instrument (GUIDELINES.md). A title longer
# than the window before " FR " ("Control of Communicable Diseases;
# Foreign Quarantine: ...") is found from a word inside it, and the
# matcher takes it back to its opening quote (libtag/match/match.c).
@type instrument
@near " FR "
%name = /(?:"\K[A-Z]|(?<=[a-z,;:] )[A-Z])[^"]{3,299}?[^",](?<!Program)(?<!Programs)(?<!Programme)(?<!Policy)(?<!Policies)(?<!Strategy)(?<!Plan)(?<!Fund)(?=,?" \d{1,3} FR \d)/
# An order's own title, right after its number and date, as the Federal
# Register prints an executive order or a proclamation: "Executive Order
# 14010 of February 2, 2021" then "Creating a Comprehensive Regional
# Framework ..." to the end of the heading's paragraph (a title has no
# final period). Emphasis marks around the lines stay outside.
@near " of January " | " of February " | " of March " | " of April " | " of May " | " of June " | " of July " | " of August " | " of September " | " of October " | " of November " | " of December "
%name = /(?:Executive Order|Proclamation|Presidential Memorandum) (?:No\. )?(?:\d{3,5} )?of [A-Z][a-z]+ \d{1,2}, \d{4} \(\K[A-Z][^()]{4,300}(?=\))/ | /(?:Executive Order|Proclamation) (?:No\. )?\d{3,5} of [A-Z][a-z]+ \d{1,2}, \d{4}(?:\*\*)?[ \n](?:\*\*)?\K[A-Z][^\n*]{3,400}?[^\n*.](?=(?:\*\*)? ?\n)/
# A Federal Register rule's own title: the heading before its "AGENCY:"
# line, after the regulation identifier ("RIN 1515-AE29"), the docket in
# brackets, the CFR part or a paragraph break, when the "ACTION:" line says
# it is a final rule (an interim, temporary or direct final rule too; not
# a proposed rule or a notice).
@near "AGENCY:"
%name = /(?:(?<=\n)|(?<=RIN \d{4}-[A-Z][A-Z0-9]\d\d )|(?<=\] )|(?<=Part \d )|(?<=Part \d\d )|(?<=Part \d\d\d ))(?!RIN )[A-Z](?:(?! RIN \d| \d{1,2} CFR )[^\n\[\]]){3,300}?(?=[ \n](?:\*\*)?AGENCY:[^\n]{0,300}?ACTION:(?:\*\*)? ?(?:(?:[Ii]nterim|[Tt]emporary|[Dd]irect) )?[Ff]inal [Rr]ule)/
'''
open(p, 'w').write(s + out)
