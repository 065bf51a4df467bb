/*
 * test_engine.c: the matching engine (issue 9). Names are found by walking
 * a trie, not by patterns: the longest name at a place wins, a word written
 * in lower case in a dictionary also matches capitalised, a name needs a
 * boundary on both sides, and a dictionary of thousands of names behaves
 * as one of two. A long document is tagged a piece at a time; the pieces
 * change nothing: each paragraph of it is tagged as it would be alone.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "alphabet.h"
#include "pairskip.h"
#include "pattern.h"
#include "testutil.h"

static doctag_model *compile(const char *source)
{
    doctag_model *m = NULL;
    int rc = doctag_model_compile_buffer(&m, "engine.dict", source, strlen(source));
    cr_assert_eq(rc, DOCTAG_OK, "%s", doctag_last_error());
    return m;
}

/* "text|canonical\n" for every entity of `text` tagged with `m` (malloc'd). */
static char *lines(const doctag_model *m, const char *text)
{
    doctag_result *r = NULL;
    cr_assert_eq(doctag_tag_text(&r, m, text, strlen(text)), DOCTAG_OK, "%s", doctag_last_error());
    size_t cap = 1 << 16, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < doctag_result_count(r); i++) {
        const doctag_entity *e = doctag_result_entity(r, i);
        n += (size_t)snprintf(out + n, cap - n, "%s|%s\n", doctag_entity_text(e),
                              doctag_entity_canonical(e));
        cr_assert_lt(n, cap);
    }
    doctag_result_free(r);
    return out;
}

static void expect_lines(const doctag_model *m, const char *text, const char *want)
{
    char *got = lines(m, text);
    cr_expect_str_eq(got, want, "\"%s\":\ngot:\n%s\nwant:\n%s", text, got, want);
    free(got);
}

static const char agencies[] =
    "@type agency\n"
    "DOS = Department of State | State Department\n"
    "OIG = Department of State Office of Inspector General\n"
    "OHCHR = Office of the High Commissioner for Human Rights\n"
    "UNHCR = UNHCR\n";

Test(engine, the_longest_name_at_a_place_wins)
{
    doctag_model *m = compile(agencies);
    expect_lines(m, "The Department of State Office of Inspector General found that the "
                    "Department of State Office was closed.",
                 "Department of State Office of Inspector General|id=OIG\n"
                 "Department of State|id=DOS\n");
    doctag_model_free(m);
}

Test(engine, lower_case_words_also_match_capitalised_but_nothing_else)
{
    doctag_model *m = compile(agencies);
    expect_lines(m, "the Office Of The High Commissioner For Human Rights said", 
                 "Office Of The High Commissioner For Human Rights|id=OHCHR\n");
    expect_lines(m, "the OFFICE OF THE High Commissioner for Human Rights said", "");
    expect_lines(m, "the Office of the high Commissioner for Human Rights said", "");
    doctag_model_free(m);
}

Test(engine, a_name_needs_a_boundary_on_both_sides)
{
    doctag_model *m = compile(agencies);
    expect_lines(m, "UNHCRs and XUNHCR are not it, (UNHCR) and UNHCR's are.",
                 "UNHCR|id=UNHCR\nUNHCR|id=UNHCR\n");
    doctag_model_free(m);
}

/* Ten thousand names sharing their first words: the right one, and only
 * where it is written in full. */
Test(engine, thousands_of_names_sharing_their_first_words)
{
    size_t cap = 1 << 20, n = 0;
    char *src = malloc(cap);
    n += (size_t)snprintf(src + n, cap - n, "@type agency\n");
    for (int i = 0; i < 10000; i++)
        n += (size_t)snprintf(src + n, cap - n, "N%d = Office of the Commissioner for Region %d\n",
                              i, i);
    doctag_model *m = compile(src);
    expect_lines(m, "The Office of the Commissioner for Region 4711 and the Office of the "
                    "Commissioner for Region 47110 and the Office of the Commissioner.",
                 "Office of the Commissioner for Region 4711|id=N4711\n");
    free(src);
    doctag_model_free(m);
}

/* A document much longer than a piece, in paragraphs: its entities are
 * those of each paragraph alone, at the paragraph's offset. */
Test(engine, a_long_document_is_tagged_as_its_paragraphs)
{
    static const char *const paragraphs[] = {
        "The U.S. Department of Homeland Security paid $91.9 million under the ICCPR.\n\n",
        "UN Human Rights Council resolution A/HRC/RES/47/23 was adopted.\n \n",
        "Immigration and Customs\nEnforcement (ICE) signed with Palantir.\n\n\n",
    };
    size_t cap = 3 << 20, len = 0, k = 0;
    char *text = malloc(cap);
    while (len + 200 < cap) {
        const char *p = paragraphs[k++ % 3];
        memcpy(text + len, p, strlen(p));
        len += strlen(p);
    }
    text[len] = '\0';
    doctag_result *whole = NULL;
    cr_assert_eq(doctag_tag_text(&whole, test_model(), text, len), DOCTAG_OK);
    size_t at = 0, i = 0;
    for (k = 0; at < len; k++) {
        const char *p = paragraphs[k % 3];
        doctag_result *one = NULL;
        cr_assert_eq(doctag_tag_text(&one, test_model(), p, strlen(p)), DOCTAG_OK);
        for (size_t j = 0; j < doctag_result_count(one); j++, i++) {
            const doctag_entity *a = doctag_result_entity(whole, i), *b = doctag_result_entity(one, j);
            cr_assert_not_null(a, "entity %zu missing", i);
            cr_assert_eq(doctag_entity_start(a), at + doctag_entity_start(b));
            cr_assert_eq(doctag_entity_end(a), at + doctag_entity_end(b));
            cr_assert_str_eq(doctag_entity_text(a), doctag_entity_text(b));
            cr_assert_str_eq(doctag_entity_canonical(a), doctag_entity_canonical(b));
        }
        doctag_result_free(one);
        at += strlen(p);
    }
    cr_expect_eq(doctag_result_count(whole), i, "no entity beyond the paragraphs'");
    doctag_result_free(whole);
    free(text);
}

/* A pattern's window before its @near literal starts after the last byte
 * the pattern cannot match (a comma, a digit): the same matches as over the
 * whole window, including one beginning inside a literal (" Law" before
 * "Law on ...") with a comma and digits between it and the next one, and
 * one beginning inside the last literal of the text. */
Test(engine, windows_before_literals_narrowed_by_what_a_pattern_can_match)
{
    doctag_model *m = compile("@type instrument\n"
                              "@near \" Act\"\n"
                              "%name = /(?:[A-Z][a-z]+ )+Act/\n"
                              "@near \" Law\"\n"
                              "%name = /Law on [A-Z][a-z]+/\n");
    expect_lines(m, "In 2020, Clean Water Act cases rose, as (1968) Fair Housing Act ones did.",
                 "Clean Water Act|id=Clean Water Act\nFair Housing Act|id=Fair Housing Act\n");
    expect_lines(m, "the Law on Courts, 12 (2001) and the Law on Police",
                 "Law on Courts|id=Law on Courts\nLaw on Police|id=Law on Police\n");
    expect_lines(m, "Parliament adopted the Law on Foreigners in 2011.",
                 "Law on Foreigners|id=Law on Foreigners\n");
    doctag_model_free(m);
}

/* Hits whose windows touch are scanned as one window: the matches are
 * those of a window per hit, whether they span several hits, lie between
 * two, or come after a gap wider than a window or a byte the pattern
 * cannot match. */
Test(engine, windows_that_touch_are_scanned_as_one)
{
    doctag_model *m = compile("@type instrument\n"
                              "@near /\n"
                              "%name = /[A-Z]+(?:\\/[A-Z0-9]+)+/\n");
    char text[1024];
    char gap[301];
    memset(gap, 'x', 300);
    gap[300] = '\0';
    snprintf(text, sizeof text, "See A/B/C and D/1/E/2 or a/b, then X/Y; Z/%s W/V/U.", gap);
    expect_lines(m, text,
                 "A/B/C|id=A/B/C\nD/1/E/2|id=D/1/E/2\nX/Y|id=X/Y\nW/V/U|id=W/V/U\n");
    doctag_model_free(m);
}

/* Nothing is tagged inside a URL or an e-mail address, however many
 * slashes the URL has (each is a mark of the same link), and a name right
 * after one is. */
Test(engine, names_inside_links_are_not_tagged)
{
    doctag_model *m = compile(agencies);
    expect_lines(m,
                 "Visit https://a.org/x/y/z/UNHCR/q/ and UNHCR (see www.b.org/UNHCR/(UNHCR)/x) or "
                 "mail UNHCR@un.org, undocs.org/UNHCR/a/b UNHCR.",
                 "UNHCR|id=UNHCR\nUNHCR|id=UNHCR\n");
    doctag_model_free(m);
}

static int has(const unsigned char *bits, unsigned char c)
{
    return alphabet_has(bits, c) != 0;
}

Test(engine, the_alphabet_of_a_pattern)
{
    unsigned char b[32];
    cr_assert(alphabet_of_pattern(b, "(?<![A-Za-z0-9])(?:[A-Z][a-z]+ )+Act(?![A-Za-z])"));
    cr_expect(has(b, 'A') && has(b, 'z') && has(b, ' '));
    cr_expect(!has(b, ',') && !has(b, '0') && !has(b, '\n'), "negative lookarounds match nothing");
    cr_assert(alphabet_of_pattern(b, "\\d+(?:\\.\\d+)?\\xc2\\xa3(?= \\()"));
    cr_expect(has(b, '5') && has(b, '.') && has(b, 0xc2) && has(b, 0xa3) && has(b, '('));
    cr_expect(!has(b, ',') && !has(b, 'a'));
    cr_assert(alphabet_of_pattern(b, "'[^\"]{4,30}?'[\\w-]"));
    cr_expect(has(b, ',') && has(b, '\'') && has(b, '_') && has(b, '-') && !has(b, '"'));
    cr_expect(!alphabet_of_pattern(b, "a.b"), "'.' is any byte");
    cr_expect(!alphabet_of_pattern(b, "(?i)act"), "flags are not read");
    cr_expect(!alphabet_of_pattern(b, "(a)\\1"), "back-references are not read");
    cr_expect(!alphabet_of_pattern(b, "\\x{20AC}"));
    cr_expect(!alphabet_of_pattern(b, "ab\\"), "a lone backslash at the end");
    cr_assert(alphabet_of_pattern(b, "a{2,3}b{,3}"));
    cr_expect(has(b, 'a') && !has(b, '2'), "a quantifier matches no byte");
    cr_expect(has(b, '{') && has(b, ',') && has(b, '3') && has(b, '}'), "\"{,3}\": maybe literal");
}

static void set_pair(unsigned char *map, unsigned p)
{
    map[p >> 3] |= (unsigned char)(1u << (p & 7));
}

static int in_pairs(const unsigned char *map, unsigned p)
{
    return map[p >> 3] & (1u << (p & 7));
}

/* Collects from `from` (through the vectors when `vector`) and checks the
 * two lists against a byte loop over the maps. Returns how many found. */
static size_t expect_collected(pair_skip *s, unsigned char maps[2][8192], const unsigned char *t,
                               size_t len, size_t from, int vector)
{
    size_t *got0 = malloc(len * sizeof *got0), *got1 = malloc(len * sizeof *got1), n1 = 0;
    s->vector = vector;
    size_t n0 = pair_skip_collect(s, t, from, len - 1, got0, got1, &n1), k0 = 0, k1 = 0;
    for (size_t j = from; j + 1 < len; j++) {
        unsigned p = (unsigned)t[j] << 8 | t[j + 1];
        if (in_pairs(maps[0], p)) {
            cr_assert_lt(k0, n0, "position %zu missed (map 0, vector %d)", j, vector);
            cr_assert_eq(got0[k0++], j);
        }
        if (in_pairs(maps[1], p)) {
            cr_assert_lt(k1, n1, "position %zu missed (map 1, vector %d)", j, vector);
            cr_assert_eq(got1[k1++], j + 1);
        }
    }
    cr_assert_eq(k0, n0);
    cr_assert_eq(k1, n1);
    free(got0);
    free(got1);
    return n0 + n1;
}

/* Maps like the model's: a few hundred pairs of all kinds and full rows
 * (one-byte literals) in map 0; in map 1 ("many") every byte that is not
 * a letter or digit before a capital or digit, else a few pairs too. */
static void fill_maps(unsigned char maps[2][8192], int many, unsigned *seed)
{
    memset(maps, 0, 2 * 8192);
    for (size_t k = 0; k < 300; k++) {
        *seed = *seed * 1103515245u + 12345u;
        set_pair(maps[many ? 0 : k & 1], (*seed >> 8) & 0xffff);
    }
    for (unsigned c = 0; c < 256; c++)
        set_pair(maps[0], '$' << 8 | c);
    for (unsigned b = 0; b < 256; b++)
        for (unsigned c = 0; c < 256; c++)
            if ((many ? !isalnum((int)b) : b == ' ') && (isupper((int)c) || isdigit((int)c)))
                set_pair(maps[1], b << 8 | c);
}

/* The candidate pass's filters (AVX2 where the CPU has it) find exactly
 * the pairs of the bitmaps a byte loop finds, on text of every byte value,
 * each map's in its own list. */
Test(engine, the_vector_pass_finds_what_the_byte_loop_finds)
{
    static unsigned char maps[2][8192];
    static pair_skip s;
    unsigned seed = 12345;
    size_t len = 5000;
    unsigned char *t = malloc(len);
#if defined(__x86_64__) && defined(__GNUC__)
    int vector = __builtin_cpu_supports("avx2") != 0;
#else
    int vector = 0;
#endif
    for (int many = 0; many < 2; many++) {
        fill_maps(maps, many, &seed);
        const unsigned char *const m[PAIRSKIP_SETS] = { maps[0], maps[1] };
        pair_skip_build(&s, m);
        for (unsigned p = 0; p < 65536; p++)   /* the table gives each pair's maps */
            cr_assert_eq(pair_skip_maps(&s, p), (unsigned)(in_pairs(maps[0], p) != 0) |
                                                    (unsigned)(in_pairs(maps[1], p) != 0) << 1);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            t[i] = i % 3 ? (unsigned char)"The Act of $State 1 "[(seed >> 16) % 20]
                         : (unsigned char)(seed >> 16);
        }
        for (size_t from = 0; from < 64; from += 13)
            for (int v = 0; v <= vector; v++)
                cr_expect_gt(expect_collected(&s, maps, t, len, from, v), 100);
    }
    free(t);
}

/* ---- Word lists in lookaheads, factored before compiling ------------------ */

static void expect_factored(const char *src, const char *want)
{
    char *got = pattern_factor_words(src);
    cr_assert_not_null(got);
    cr_expect_str_eq(got, want, "from %s", src);
    free(got);
}

Test(pattern, word_lists_in_lookaheads_are_factored_by_prefix)
{
    expect_factored("(?!(?:The|This|That|A|An|Article|Articles)\\b)[A-Z]\\w+",
                    "(?!(?:(?:A(?:n|rticle(?:s)?)?|Th(?:at|e|is)))\\b)[A-Z]\\w+");
    /* not a list: one word, other syntax, escaped, inside a class */
    const char *same[] = { "(?!(?:The)\\b)x", "(?!(?:The|Th.s)\\b)x", "\\(?!(?:A|B)x",
                           "[(?!(?:A|B)]x", "[]](?!(?:A|B)x", "(?:The|This)x" };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        expect_factored(same[i], i == 4 ? "[]](?!(?:(?:A|B))x" : same[i]);
}

/* The factored pattern accepts exactly the words the source does. */
Test(pattern, a_factored_pattern_matches_as_its_source)
{
    const char *src = "^(?!(?:The|These|Th|Under|Un|In|If|It|Its|A|An|And)\\b)[A-Za-z]+$";
    const char *words[] = { "The", "These", "Th", "Them", "Thes", "Under", "Unde", "Un", "U",
                            "In", "If", "It", "Its", "Itself", "A", "An", "And", "Ands", "B",
                            "Convention", "Ann", "I" };
    int err;
    size_t off;
    pcre2_code *plain = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &err, &off,
                                      NULL);
    pcre2_code *fact = pattern_compile(src, 0, &err, &off);
    cr_assert(plain && fact);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        PCRE2_SPTR w = (PCRE2_SPTR)words[i];
        int a = pcre2_match(plain, w, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);
        int b = pcre2_match(fact, w, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);
        cr_expect_eq(a > 0, b > 0, "%s: source %d, factored %d", words[i], a, b);
    }
    pcre2_match_data_free(md);
    pcre2_code_free(plain);
    pcre2_code_free(fact);
    /* an error is reported where the source has it */
    cr_expect_null(pattern_compile("(?!(?:A|B))(", 0, &err, &off));
    cr_expect_eq(off, 12);
}
