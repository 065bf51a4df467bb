/* manifest.c: a batch's per-document records (manifest.jsonl): reading an
 * earlier run's, appending this run's, and compacting. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "manifest.h"
#include "output.h"

const char *manifest_status_name(manifest_status s)
{
    return s == MANIFEST_OK ? "ok" : s == MANIFEST_FAILED ? "failed" : "error";
}

/* ---- the index of ids ---------------------------------------------------- */

static size_t hash_id(const char *s)
{
    uint64_t h = 14695981039346656037u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

static int grow(manifest *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    manifest_entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].doc)
            continue;
        size_t j = hash_id(m->slots[i].doc) & (cap - 1);
        while (slots[j].doc)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

manifest_entry *manifest_entry_of(manifest *m, const char *doc)
{
    if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
        return NULL;
    size_t j = hash_id(doc) & (m->cap - 1);
    for (; m->slots[j].doc; j = (j + 1) & (m->cap - 1))
        if (strcmp(m->slots[j].doc, doc) == 0)
            return &m->slots[j];
    if (!(m->slots[j].doc = strdup(doc)))
        return NULL;
    m->count++;
    return &m->slots[j];
}

/* ---- reading records: the flat JSON objects we write ---------------------- */

/* Appends code point `cp` as UTF-8. */
static char *put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = 0xFFFD;   /* we never write surrogate pairs */
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Parses the JSON string at *p (at its '"') into a malloc'd copy; moves
 * *p past it. NULL if malformed or out of memory. */
static char *json_string(const char **p)
{
    const char *s = *p + 1;
    char *out = malloc(strlen(s) + 1), *o = out;   /* unescaping only shrinks */
    if (!out)
        return NULL;
    for (; *s && *s != '"'; s++) {
        if (*s != '\\') {
            *o++ = *s;
            continue;
        }
        s++;
        const char *esc = strchr("\"\\/bfnrt", *s);
        if (*s == 'u') {
            char hex[5] = { 0 };
            memcpy(hex, s + 1, strnlen(s + 1, 4));
            char *end;
            unsigned cp = (unsigned)strtoul(hex, &end, 16);
            if (end != hex + 4)
                break;
            o = put_utf8(o, cp);
            s += 4;
        } else if (esc && *s) {
            *o++ = "\"\\/\b\f\n\r\t"[esc - "\"\\/bfnrt"];
        } else {
            break;
        }
    }
    if (*s != '"') {
        free(out);
        return NULL;
    }
    *o = '\0';
    *p = s + 1;
    return out;
}

/* Moves *p past one value that is not a string: a number, a literal, or
 * a nested object or array (strings in it skipped whole). */
static void skip_value(const char **p)
{
    int depth = 0;
    const char *s = *p;
    for (; *s; s++) {
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++)
                if (*s == '\\' && s[1])
                    s++;
            if (!*s)
                break;
        } else if (*s == '{' || *s == '[') {
            depth++;
        } else if (*s == '}' || *s == ']') {
            if (depth-- == 0)
                break;
        } else if (*s == ',' && depth == 0) {
            break;
        }
    }
    *p = s;
}

static void ws(const char **p)
{
    while (**p == ' ' || **p == '\t')
        (*p)++;
}

/* One member "key": value of a record into `e`. 0 or -1 (malformed). */
static int parse_member(const char **p, manifest_entry *e)
{
    char *key = json_string(p), *str = NULL;
    if (!key)
        return -1;
    ws(p);
    int rc = **p == ':' ? 0 : -1;
    (*p)++;
    ws(p);
    const char *value = *p;
    if (rc == 0 && **p == '"')
        rc = (str = json_string(p)) ? 0 : -1;
    else
        skip_value(p);
    if (rc == 0 && str) {
        char **slot = strcmp(key, "doc") == 0 ? &e->doc : strcmp(key, "output") == 0
                      ? &e->output : strcmp(key, "config") == 0 ? &e->config
                      : strcmp(key, "error") == 0 ? &e->error : NULL;
        if (slot) {
            free(*slot);
            *slot = str;
            str = NULL;
        } else if (strcmp(key, "status") == 0) {
            e->status = strcmp(str, "ok") == 0 ? MANIFEST_OK : strcmp(str, "failed") == 0
                        ? MANIFEST_FAILED : MANIFEST_ERROR;
        }
    } else if (rc == 0) {
        long long v = strtoll(value, NULL, 10);
        if (strcmp(key, "bytes") == 0) e->bytes = v;
        else if (strcmp(key, "mtime") == 0) e->mtime = v;
        else if (strcmp(key, "output_bytes") == 0) e->output_bytes = v;
    }
    free(key);
    free(str);
    return rc;
}

/* A record line into `e` (its strings malloc'd). 0, or -1 if malformed. */
static int parse_record(const char *line, manifest_entry *e)
{
    const char *p = line;
    memset(e, 0, sizeof *e);
    e->status = MANIFEST_ERROR;
    ws(&p);
    if (*p++ != '{')
        return -1;
    for (;;) {
        ws(&p);
        if (*p == '}')
            return e->doc ? 0 : -1;
        if (*p != '"' || parse_member(&p, e) != 0)
            return -1;
        ws(&p);
        if (*p == ',')
            p++;
        else if (*p != '}')
            return -1;
    }
}

static void entry_clear(manifest_entry *e)
{
    free(e->doc);
    free(e->output);
    free(e->config);
    free(e->error);
}

/* Keeps a parsed record as the last one of its document. */
static int index_record(manifest *m, manifest_entry *rec, long offset)
{
    manifest_entry *e = manifest_entry_of(m, rec->doc);
    if (!e)
        return ENOMEM;
    if (e->has_record)
        m->superseded++;
    free(e->output);
    free(e->config);
    free(e->error);
    e->output = rec->output;
    e->config = rec->config;
    e->error = rec->error;
    e->bytes = rec->bytes;
    e->mtime = rec->mtime;
    e->output_bytes = rec->output_bytes;
    e->status = rec->status;
    e->has_record = 1;
    e->offset = offset;
    free(rec->doc);
    return 0;
}

/* Reads every whole line (a torn last line, from a crash, is ignored and
 * cut off so that the next record starts a line of its own). */
static int load(manifest *m, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long offset = 0, good_end = 0;
    int err = 0;
    int torn = 0;
    while (!err && (n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] != '\n') {
            torn = 1;
            break;
        }
        manifest_entry rec;
        if (parse_record(line, &rec) == 0)
            err = index_record(m, &rec, offset);
        else
            entry_clear(&rec);
        offset += (long)n;
        good_end = offset;
    }
    free(line);
    if (!err && torn && ftruncate(m->fd, good_end) != 0)
        err = errno;
    return err;
}

int manifest_open(manifest *m, const char *path, int sync)
{
    memset(m, 0, sizeof *m);
    m->fd = -1;
    m->sync = sync;
    if (!path)
        return 0;
    if (!(m->path = strdup(path)))
        return ENOMEM;
    m->fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    if (m->fd < 0)
        return errno;
    if (flock(m->fd, LOCK_EX | LOCK_NB) != 0)
        return errno;
    int fd = dup(m->fd);
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        return errno ? errno : ENOMEM;
    }
    int err = load(m, f);
    fclose(f);
    return err;
}

/* ---- writing ---------------------------------------------------------------- */

void manifest_write_record(FILE *f, const manifest_record *r)
{
    fputs("{\"doc\": ", f);
    output_json_string(f, r->doc);
    fprintf(f, ", \"status\": \"%s\", \"kind\": ", manifest_status_name(r->status));
    output_json_string(f, r->kind ? r->kind : "");
    fprintf(f, ", \"bytes\": %lld, \"mtime\": %lld, \"pages\": %d, \"pages_without_text\": %d"
            ", \"entities\": {", r->bytes, r->mtime, r->pages, r->pages_without_text);
    for (int t = 0; t < DOCTAG_TYPE_COUNT; t++)
        fprintf(f, "%s\"%s\": %zu", t ? ", " : "", doctag_type_name(t), r->entities[t]);
    fputs("}, \"output\": ", f);
    if (r->output)
        output_json_string(f, r->output);
    else
        fputs("null", f);
    fprintf(f, ", \"output_bytes\": %lld, \"seconds\": %.3f, \"error\": ", r->output_bytes,
            r->seconds);
    if (r->error)
        output_json_string(f, r->error);
    else
        fputs("null", f);
    fputs(", \"config\": ", f);
    output_json_string(f, r->config ? r->config : "");
    fputs("}\n", f);
}

/* Writes all of buf (a short write is continued). 0 or errno. */
static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int manifest_append(manifest *m, const manifest_record *r)
{
    if (m->fd < 0)
        return 0;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return ENOMEM;
    manifest_write_record(f, r);
    if (fclose(f) != 0) {
        free(buf);
        return ENOMEM;
    }
    off_t offset = lseek(m->fd, 0, SEEK_END);
    int err = write_all(m->fd, buf, len);
    free(buf);
    if (!err && m->sync && fdatasync(m->fd) != 0)
        err = errno;
    manifest_entry *e = err ? NULL : manifest_entry_of(m, r->doc);
    if (e) {
        if (e->has_record)
            m->superseded++;
        e->has_record = 1;
        e->offset = (long)offset;
    }
    return err;
}

/* Copies the last record of each document from `in` to `out`. */
static int copy_last_records(manifest *m, FILE *in, FILE *out)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long offset = 0;
    while ((n = getline(&line, &cap, in)) > 0) {
        manifest_entry rec;
        if (parse_record(line, &rec) == 0) {
            manifest_entry *e = manifest_entry_of(m, rec.doc);
            if (e && e->offset == offset)
                fwrite(line, 1, (size_t)n, out);
        }
        entry_clear(&rec);
        offset += (long)n;
    }
    free(line);
    return ferror(in) || ferror(out) ? EIO : 0;
}

int manifest_compact(manifest *m)
{
    if (m->fd < 0 || m->superseded == 0)
        return 0;
    size_t len = strlen(m->path) + 5;
    char *tmp = malloc(len);
    if (!tmp)
        return ENOMEM;
    snprintf(tmp, len, "%s.tmp", m->path);
    FILE *in = fopen(m->path, "r"), *out = fopen(tmp, "w");
    int err = in && out ? copy_last_records(m, in, out) : errno;
    if (out && fflush(out) != 0 && !err)
        err = errno;
    if (out && m->sync && fsync(fileno(out)) != 0 && !err)
        err = errno;
    if (out && fclose(out) != 0 && !err)
        err = errno;
    if (in)
        fclose(in);
    if (!err && rename(tmp, m->path) != 0)
        err = errno;
    if (err)
        remove(tmp);
    else
        m->superseded = 0;
    free(tmp);
    return err;
}

void manifest_close(manifest *m)
{
    for (size_t i = 0; i < m->cap; i++)
        entry_clear(&m->slots[i]);
    free(m->slots);
    if (m->fd >= 0)
        close(m->fd);
    free(m->path);
    memset(m, 0, sizeof *m);
    m->fd = -1;
}
