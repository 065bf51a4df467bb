/* shortnames.c: how a document gives a name a short form of its own (see
 * post.h): in brackets after it ("(FISA)", "(the \"Refugee
 * Convention\")"), as an alias (", also known as TOLA"), and what may be one
 * (capitalised words, not a lone generic word). memory.c tags the short
 * forms wherever they are used. */
#include <string.h>

#include "doctag_limits.h"
#include "post.h"

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* 1 if the word at w (n bytes) is one that alone is an anaphor, not a
 * name ("the Convention", "the Commission"), or starts a sentence. */
int post_generic_word(const char *w, size_t n)
{
    static const post_str words[] = { POST_STR("Act"), POST_STR("Convention"),
        POST_STR("Covenant"), POST_STR("Protocol"), POST_STR("Charter"), POST_STR("Treaty"),
        POST_STR("Agreement"), POST_STR("Declaration"), POST_STR("Commission"),
        POST_STR("Committee"), POST_STR("Council"), POST_STR("Board"), POST_STR("Department"),
        POST_STR("Office"), POST_STR("Agency"), POST_STR("Court"), POST_STR("Government"),
        POST_STR("Ministry"), POST_STR("Code"), POST_STR("Bill"), POST_STR("Law"),
        POST_STR("Regulation"), POST_STR("Directive"), POST_STR("Decision"),
        POST_STR("Constitution"), POST_STR("State"), POST_STR("States"), POST_STR("The"),
        POST_STR("This"), POST_STR("It"), POST_STR("He"), POST_STR("She"), POST_STR("They"),
        POST_STR("We"), POST_STR("In"), POST_STR("See"), POST_STR("Id"), POST_STR("Ibid"),
        POST_STR("Section"), POST_STR("Article"), POST_STR("Order"), POST_STR("Rule"),
        POST_STR("Rules"), POST_STR("Principles"), POST_STR("Statute"), POST_STR("Secretary"),
        POST_STR("Director") };
    return post_str_is(words, POST_COUNT(words), w, n);
}

int post_lead_word(const char *w, size_t n)
{
    static const post_str words[] = { POST_STR("A"), POST_STR("An"), POST_STR("Its"),
        POST_STR("Their"), POST_STR("These"), POST_STR("Under"), POST_STR("On"), POST_STR("For"),
        POST_STR("By"), POST_STR("With"), POST_STR("And"), POST_STR("Or"), POST_STR("To"),
        POST_STR("Both"), POST_STR("Each"), POST_STR("Our"), POST_STR("Whether"),
        POST_STR("While"), POST_STR("When"), POST_STR("After"), POST_STR("Before") };
    return post_str_is(words, POST_COUNT(words), w, n) || post_generic_word(w, n);
}

/* Length of a short name defined in brackets at t: "(FISA)", "(the
 * \"Refugee Convention\")", or 0. *name and *name_len get the name. */
size_t post_bracket_name(const char *t, size_t n, const char **name, size_t *name_len)
{
    if (n < 4 || t[0] != ' ' || t[1] != '(')
        return 0;
    size_t i = 2;
    if (n > i + 4 && memcmp(t + i, "the ", 4) == 0)
        i += 4;
    int quoted = i < n && t[i] == '"';
    i += (size_t)quoted;
    size_t s = i;
    while (i < n && i - s <= MEMORY_NAME_MAX && t[i] != ')' && t[i] != '"' && t[i] != '(' &&
           t[i] != '\n' && t[i] != ',' && t[i] != ';')
        i++;
    size_t e = i;
    if (quoted && (i >= n || t[i++] != '"'))
        return 0;
    if (i >= n || t[i] != ')' || e == s || !is_upper(t[s]))
        return 0;
    *name = t + s;
    *name_len = e - s;
    return i + 1;
}

/* Length of a name given as an alias at t: ", also known as TOLA",
 * " (hereinafter \"the Act\")", or 0; *name and *name_len get it. */
static size_t known_as(const char *t, size_t n, const char **name, size_t *name_len)
{
    static const post_str intros[] = { POST_STR(", also known as "), POST_STR(" also known as "),
        POST_STR(", known as "), POST_STR(" (also known as "), POST_STR(" (hereinafter "),
        POST_STR(", hereinafter ") };
    size_t i = 0;
    for (size_t k = 0; k < POST_COUNT(intros) && !i; k++)
        if (n > intros[k].n && memcmp(t, intros[k].s, intros[k].n) == 0)
            i = intros[k].n;
    if (!i)
        return 0;
    if (i + 4 < n && memcmp(t + i, "the ", 4) == 0)
        i += 4;
    i += i < n && t[i] == '"';
    size_t s = i, last = i;
    while (i < n && i - s <= MEMORY_NAME_MAX && is_upper(t[i])) {   /* capitalised words */
        while (i < n && (post_word_byte((unsigned char)t[i]) || t[i] == '-'))
            i++;
        last = i;
        if (i + 1 < n && t[i] == ' ' && is_upper(t[i + 1]))
            i++;
    }
    *name = t + s;
    *name_len = last - s;
    return last > s ? last : 0;
}

/* A short name defined right after a name: in brackets or as an alias
 * (*alias 1: the words say it is one, so it need not look like the name). */
size_t post_defined_name(const char *t, size_t n, const char **name, size_t *name_len,
                           int *alias)
{
    size_t b = post_bracket_name(t, n, name, name_len);
    *alias = !b;
    return b ? b : known_as(t, n, name, name_len);
}

/* 1 if name (n bytes) can stand for a name: capitalised words and joiners,
 * at most six words, not one generic word or a number. */
int post_valid_short(const char *name, size_t n)
{
    size_t words = 0, i = 0, caps = 0;
    while (i < n) {
        size_t w = i;
        while (i < n && name[i] != ' ')
            i++;
        words++;
        if (is_upper(name[w]))
            caps++;
        else if (!post_joiner(name + w, i - w))
            return 0;
        if (words == 1 && i == n && post_generic_word(name + w, i - w))
            return 0;
        while (i < n && name[i] == ' ')
            i++;
    }
    return words <= 6 && caps > 0;
}

/* 1 if the acronym spells the initials of the capitalised words after
 * the name's " on " and not the name's head: "Working Group on the
 * Universal Periodic Review (UPR)" names the review (a process), not the
 * working group; "Committee on the Rights of the Child (CRC)" keeps its
 * head's C and names the committee. */
static int topic_acronym(const char *name, size_t n, const char *full, size_t full_n)
{
    const char *on = memmem(full, full_n, " on ", 4);
    if (!on)
        return 0;
    size_t i = (size_t)(on - full) + 4, k = 0;
    if (i + 4 <= full_n && memcmp(full + i, "the ", 4) == 0)
        i += 4;
    for (; i < full_n; i++) {
        if (i > 0 && full[i - 1] != ' ')
            continue;
        if (!is_upper(full[i]))
            continue;
        if (k >= n || full[i] != name[k])
            return 0;
        k++;
    }
    return k == n;
}

/* 1 if the short form can stand for the full name: an acronym whose first
 * letter starts a word of the name ("FISA") and that does not spell only
 * its topic (topic_acronym), or a phrase sharing a word with it ("Refugee
 * Convention"); not a country a recommendation came from ("... the CEDAW
 * (Greece)"). */
int post_related(const char *name, size_t n, const char *full, size_t full_n)
{
    int acronym = n >= 2 && is_upper(name[0]) && is_upper(name[1]);
    if (acronym && topic_acronym(name, n, full, full_n))
        return 0;
    for (size_t i = 0; i < full_n; i++) {
        if (i > 0 && full[i - 1] != ' ' && full[i - 1] != '-')
            continue;
        if (acronym && full[i] == name[0])
            return 1;
        for (size_t k = 0; !acronym && k + 4 <= n; k++)
            if ((k == 0 || name[k - 1] == ' ') && i + 4 <= full_n && memcmp(full + i, name + k, 4) == 0)
                return 1;
    }
    return 0;
}
