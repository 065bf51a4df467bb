/*
 * gen_names.c: a user dictionary of N plausible agency and instrument
 * names, for measuring how tagging and model load scale with the size of
 * the dictionary (bench_tag --dict). Deterministic: the same N gives the
 * same file.
 *
 *   gen_names N > names.dict
 *
 * Names are built from the words real ones are made of ("Department of",
 * "Office of the", "Commission for", "Convention on the ...", place names,
 * fields), so many of them share their first words with names and phrases
 * of real reports, and the matcher walks deep into the dictionary there.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const char *const places[] = {
    "Alberta", "Andalusia", "Arizona", "Bavaria", "Bengal", "Brittany", "Catalonia",
    "Colorado", "Flanders", "Galicia", "Georgia", "Hokkaido", "Kerala", "Lombardy",
    "Manitoba", "Maryland", "Nevada", "Ontario", "Oregon", "Punjab", "Quebec", "Saxony",
    "Scotland", "Sicily", "Tasmania", "Texas", "Tyrol", "Utah", "Victoria", "Wales",
    "Yukon", "Zeeland", "Ruritania", "Freedonia", "Latveria", "Genovia", "Borduria",
    "Syldavia", "Elbonia", "Kreplachistan", "the Andes", "the Sahel", "the Baltic",
    "the Caribbean", "the Pacific", "the Danube Basin", "the Mekong", "the Arctic",
};
static const char *const bodies[] = {
    "Department", "Office", "Ministry", "Agency", "Commission", "Bureau", "Council",
    "Directorate", "Authority", "Board", "Service", "Secretariat", "Inspectorate",
    "Committee", "Administration", "Division", "Institute", "Tribunal", "Ombudsman",
    "Programme", "Fund", "Centre", "Observatory", "Task Force",
};
static const char *const links[] = { "of", "for", "of the", "for the", "on", "on the" };
static const char *const fields[] = {
    "Homeland Security", "Human Rights", "Migration", "Border Management", "Public Health",
    "Civil Liberties", "Data Protection", "Refugee Affairs", "Labour Standards", "Statistics",
    "Water Resources", "Coastal Affairs", "Digital Identity", "Biometric Records",
    "Asylum Procedures", "Customs Enforcement", "Immigration Review", "Detention Oversight",
    "Indigenous Affairs", "Child Welfare", "Equal Opportunity", "Fisheries", "Forestry",
    "Rural Development", "Consumer Protection", "Financial Intelligence", "Cyber Security",
    "Emergency Management", "Civil Aviation", "Maritime Safety", "Transport Security",
    "Elections", "Education and Training", "Housing and Urban Development", "Veterans Affairs",
    "Justice", "Internal Affairs", "Foreign Affairs", "Economic Cooperation", "Trade",
};
static const char *const instruments[] = {
    "Convention", "Protocol", "Treaty", "Agreement", "Declaration", "Charter", "Covenant",
    "Act", "Regulation", "Directive", "Code", "Framework",
};
static const char *const topics[] = {
    "the Protection of", "the Rights of", "the Prevention of", "Cooperation in",
    "the Elimination of", "Access to", "the Status of", "the Conservation of",
};
static const char *const objects[] = {
    "Migrant Workers", "Stateless Persons", "Personal Data", "Coastal Waters",
    "Cultural Property", "Wetlands", "Minority Languages", "Trafficked Persons",
    "Domestic Workers", "Border Communities", "Civil Records", "Forest Peoples",
};

static uint64_t rng = 88172645463325252ull;

static size_t pick(size_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (size_t)(rng % n);
}

#define PICK(a) a[pick(COUNT(a))]

/* One name into buf; returns 1 for an agency, 0 for an instrument. */
static int make_name(char *buf, size_t size, size_t i)
{
    int kind = (int)pick(10);
    if (kind < 6) {
        snprintf(buf, size, "%s %s %s %s", PICK(places), PICK(bodies), PICK(links), PICK(fields));
        return 1;
    }
    if (kind < 8) {
        snprintf(buf, size, "%s %s %s of %s %zu", PICK(bodies), PICK(links), PICK(fields),
                 PICK(places), i % 97);
        return 1;
    }
    snprintf(buf, size, "%s %s %s %s %s", PICK(places), PICK(instruments),
             kind == 8 ? "on" : "for", PICK(topics), PICK(objects));
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 50000;
    if (n <= 0) {
        fprintf(stderr, "usage: gen_names N > names.dict\n");
        return 2;
    }
    char name[256];
    int type = -1;
    for (long i = 0; i < n; i++) {
        int agency = make_name(name, sizeof name, (size_t)i);
        if (agency != type)
            printf("@type %s\n", agency ? "agency" : "instrument");
        type = agency;
        printf("GEN%ld = %s\n", i, name);
    }
    return ferror(stdout) ? 1 : 0;
}
