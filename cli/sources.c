/* sources.c: the documents in a batch's inputs (files, directories and
 * archives), walked in a stable order. */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sources.h"
#include "vec.h"

/* An archive inside an archive inside...: deeper is almost surely a zip
 * bomb or a loop, not a batch of reports. */
#define MAX_ARCHIVE_DEPTH 4
/* How libarchive reads an archive file: a block at a time. */
#define ARCHIVE_BLOCK (64 * 1024)

typedef struct walker {
    const sources_options *opts;
    sources_skip_fn skip;
    sources_take_fn take;
    void *ctx;
    char error[512];   /* the message of the document being reported */
    int has_skip;      /* skip_dir exists: its device and inode */
    dev_t skip_dev;
    ino_t skip_ino;
} walker;

/* a + sep + b, malloc'd ("" sep joins as is). NULL when out of memory. */
static char *join(const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    char *s = malloc(la + ls + lb + 1);
    if (s) {
        memcpy(s, a, la);
        memcpy(s + la, sep, ls);
        memcpy(s + la + ls, b, lb + 1);
    }
    return s;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int matches_any(const char *const *patterns, size_t n, const char *name,
                       const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(patterns[i], name, 0) == 0 || fnmatch(patterns[i], id, 0) == 0)
            return 1;
    return 0;
}

static int excluded(const walker *w, const char *name, const char *id)
{
    return matches_any(w->opts->excludes, w->opts->n_excludes, name, id);
}

/* A document (not an archive) found inside a folder or an archive is taken
 * when it matches --glob (or there is none). */
static int wanted(const walker *w, const char *name, const char *id)
{
    return w->opts->n_globs == 0 || matches_any(w->opts->globs, w->opts->n_globs, name, id);
}

/* Reports `id` as a document that cannot be read. The messages of I/O
 * failures start "cannot" (open, read, list): those are worth a retry. */
static int fail_doc(walker *w, const char *id, long long size, long long mtime,
                    const char *fmt, const char *detail)
{
    snprintf(w->error, sizeof w->error, fmt, detail);
    source_doc doc = { .id = id, .size = size, .mtime = mtime, .error = w->error,
                       .io_error = strncmp(fmt, "cannot", 6) == 0 };
    return w->take(w->ctx, &doc);
}

static int too_big(const walker *w, long long size)
{
    return w->opts->max_bytes > 0 && size > w->opts->max_bytes;
}

/* ---- archives ------------------------------------------------------------ */

/* The archive being walked: its id, and its own size and mtime (those of
 * a single compressed file's one document, whose header has neither). */
typedef struct archive_at {
    const char *id;
    long long size, mtime;
    int depth;
} archive_at;

static int walk_archive(walker *w, struct archive *a, const archive_at *at);

/* Office documents and e-books are zips of XML: not reports to read as
 * text. Known by their name, as their content is any zip's. */
static int is_office_name(const char *name)
{
    static const char *const exts[] = { ".docx", ".xlsx", ".pptx", ".odt", ".ods",
                                        ".odp", ".epub", ".jar", ".apk", NULL };
    size_t n = strlen(name);
    for (int i = 0; exts[i]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
            return 1;
    }
    return 0;
}

static struct archive *archive_reader(void)
{
    struct archive *a = archive_read_new();
    if (a) {
        archive_read_support_filter_all(a);
        archive_read_support_format_all(a);
        archive_read_support_format_raw(a);   /* a single compressed file */
    }
    return a;
}

/* Opens the archive `path` ("-": standard input, or `data`, in memory)
 * and walks it. */
static int walk_archive_at(walker *w, const char *path, const void *data, size_t len,
                           const char *id, long long size, long long mtime, int depth)
{
    if (is_office_name(id))
        return fail_doc(w, id, size, mtime, "unsupported: %s", "an office document or "
                        "e-book (a zip of XML), not a report; convert it to PDF or text");
    if (depth >= MAX_ARCHIVE_DEPTH)
        return fail_doc(w, id, size, mtime, "unsupported: %s", "archives nested too deep");
    struct archive *a = archive_reader();
    if (!a)
        return ENOMEM;
    int r = path && strcmp(path, "-") == 0 ? archive_read_open_fd(a, 0, ARCHIVE_BLOCK)
          : path ? archive_read_open_filename(a, path, ARCHIVE_BLOCK)
          : archive_read_open_memory(a, data, len);
    archive_at at = { id, size, mtime, depth };
    int rc = r == ARCHIVE_OK ? walk_archive(w, a, &at)
                             : fail_doc(w, id, size, mtime, "damaged archive: %s",
                                        archive_error_string(a));
    archive_read_free(a);
    return rc;
}

/* "./a/../b" and "/etc/x" must not become ids that leave the output
 * directory: a member path is safe when no component is "..". Leading
 * "/" and "./" are dropped. Returns NULL for an unsafe path. */
static const char *member_path(const char *name)
{
    while (*name == '/' || (name[0] == '.' && name[1] == '/'))
        name += name[0] == '/' ? 1 : 2;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return NULL;
        p += n;
        while (*p == '/')
            p++;
    }
    return name;
}

/* A component starting with '.', or __MACOSX: metadata, not a document. */
static int hidden_member(const char *path)
{
    for (const char *p = path; *p;) {
        if (*p == '.' || strncmp(p, "__MACOSX/", 9) == 0)
            return 1;
        p += strcspn(p, "/");
        while (*p == '/')
            p++;
    }
    return 0;
}

/* Reads the current member (at most max_bytes). 0, -1 (too big) or -2
 * (libarchive failed: message in the archive). */
static int read_member(walker *w, struct archive *a, char **out, size_t *out_len)
{
    size_t cap = 0, len = 0;
    char *buf = NULL;
    for (;;) {
        if (!vec_reserve((void **)&buf, &cap, len + (1 << 16) + 1, 1)) {   /* room for a NUL */
            free(buf);
            return -2;
        }
        la_ssize_t n = archive_read_data(a, buf + len, cap - len - 1);
        if (n < 0) {
            free(buf);
            return -2;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (too_big(w, (long long)len)) {
            free(buf);
            return -1;
        }
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

/* One member, its metadata known: read it, then recurse into an archive
 * or hand the document over. */
static int take_member(walker *w, struct archive *a, source_doc *doc, int depth)
{
    if (w->skip && w->skip(w->ctx, doc))
        return 0;
    int r = read_member(w, a, &doc->data, &doc->len);
    if (r == -1)
        return fail_doc(w, doc->id, doc->size, doc->mtime, "%s",
                        "larger than --max-bytes: not read");
    if (r == -2)
        return fail_doc(w, doc->id, doc->size, doc->mtime, "damaged archive member: %s",
                        archive_error_string(a) ? archive_error_string(a) : "out of memory");
    doc->kind = sniff_kind_of(doc->data, doc->len);
    int rc;
    if (doc->kind == SNIFF_ARCHIVE || doc->kind == SNIFF_COMPRESSED)
        rc = walk_archive_at(w, NULL, doc->data, doc->len, doc->id, doc->size, doc->mtime,
                             depth + 1);
    else
        rc = w->take(w->ctx, doc);
    free(doc->data);
    doc->data = NULL;
    return rc;
}

/* The checks on one member's header; then take_member(). */
static int walk_member(walker *w, struct archive *a, struct archive_entry *e,
                       const archive_at *at)
{
    const char *name = archive_entry_pathname(e), *id = at->id;
    int raw = archive_format(a) == ARCHIVE_FORMAT_RAW, depth = at->depth;
    const char *path = member_path(name ? name : "");
    long long size = archive_entry_size_is_set(e) ? (long long)archive_entry_size(e) : -1;
    long long mtime = (long long)archive_entry_mtime(e);
    if (raw) {   /* one compressed file: it changes when the file does */
        size = at->size;
        mtime = at->mtime;
    }
    if (!raw && (!path || !*path)) {   /* its id, as stored, names no output file */
        char *bad_id = join(id, "!", name ? name : "");
        int rc = bad_id ? fail_doc(w, bad_id, size, mtime, "unsafe member path '%s': not "
                                   "read", name ? name : "") : ENOMEM;
        free(bad_id);
        return rc;
    }
    if (!raw && hidden_member(path))
        return 0;
    char *member_id = raw ? strdup(id) : join(id, "!", path);
    if (!member_id)
        return ENOMEM;
    int rc = 0;
    const char *base = base_name(raw ? id : path);
    if (excluded(w, base, member_id) || (!raw && !wanted(w, base, member_id)))
        rc = 0;
    else if (archive_entry_is_encrypted(e))
        rc = fail_doc(w, member_id, size, mtime, "%s", "encrypted archive member");
    else if (too_big(w, size))
        rc = fail_doc(w, member_id, size, mtime, "%s", "larger than --max-bytes: not read");
    else if (w->opts->count_only) {
        source_doc doc = { .id = member_id, .size = size, .mtime = mtime };
        rc = w->take(w->ctx, &doc);
    } else {
        source_doc doc = { .id = member_id, .size = size, .mtime = mtime };
        rc = take_member(w, a, &doc, depth);
    }
    free(member_id);
    return rc;
}

static int walk_archive(walker *w, struct archive *a, const archive_at *at)
{
    struct archive_entry *e;
    int rc = 0;
    while (rc == 0) {
        int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN)   /* the rest of the archive cannot be read */
            return fail_doc(w, at->id, -1, 0, "damaged archive: %s",
                            archive_error_string(a) ? archive_error_string(a) : "unreadable");
        if (archive_entry_filetype(e) == AE_IFREG)
            rc = walk_member(w, a, e, at);
    }
    return rc;
}

/* ---- files and folders ------------------------------------------------- */

static int walk_dir(walker *w, const char *path, const char *id);

/* A file: sniffed, then an archive to walk or a document to take.
 * `explicit`: named on the command line, so --glob does not apply. */
static int walk_file(walker *w, const char *path, const char *id, int explicit)
{
    char head[SNIFF_WINDOW];
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail_doc(w, id, -1, 0, "cannot open: %s", strerror(errno));
    ssize_t n = fstat(fd, &st) == 0 ? read(fd, head, sizeof head) : -1;
    int err = errno;
    close(fd);
    if (n < 0)
        return fail_doc(w, id, -1, 0, "cannot read: %s", strerror(err));
    sniff_kind kind = sniff_kind_of(head, (size_t)n);
    long long size = (long long)st.st_size, mtime = (long long)st.st_mtime;
    if (kind == SNIFF_ARCHIVE || kind == SNIFF_COMPRESSED)
        return walk_archive_at(w, path, NULL, 0, id, size, mtime, 0);
    if (!explicit && !wanted(w, base_name(path), id))
        return 0;
    source_doc doc = { .id = id, .path = path, .size = size, .mtime = mtime, .kind = kind };
    if (too_big(w, size))
        return fail_doc(w, id, size, mtime, "%s", "larger than --max-bytes: not read");
    if (!w->opts->count_only && w->skip && w->skip(w->ctx, &doc))
        return 0;
    return w->take(w->ctx, &doc);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible entries of a folder, sorted: *out malloc'd with its names. */
static int list_dir(const char *path, char ***out, size_t *count)
{
    DIR *d = opendir(path);
    if (!d)
        return errno;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int err = 0;
    struct dirent *de;
    while (!err && (errno = 0, de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, "__MACOSX") == 0)
            continue;
        if (!vec_reserve((void **)&names, &cap, n + 1, sizeof *names)) {
            err = ENOMEM;
            break;
        }
        if (!(names[n] = strdup(de->d_name)))
            err = ENOMEM;
        else
            n++;
    }
    if (!err && errno)
        err = errno;
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    *out = names;
    *count = n;
    return err;
}

/* One entry of a folder: a folder (not through a symbolic link, which
 * could loop), or a file (symbolic links followed). */
static int walk_entry(walker *w, const char *path, const char *id, const char *name)
{
    struct stat st;
    if (excluded(w, name, id))
        return 0;
    if (lstat(path, &st) != 0)
        return fail_doc(w, id, -1, 0, "cannot read: %s", strerror(errno));
    if (S_ISDIR(st.st_mode) && w->has_skip && st.st_dev == w->skip_dev &&
        st.st_ino == w->skip_ino)
        return 0;
    if (S_ISDIR(st.st_mode))
        return walk_dir(w, path, id);
    if (S_ISLNK(st.st_mode) && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
        return 0;   /* a dangling link, or a link to a folder */
    return S_ISREG(st.st_mode) ? walk_file(w, path, id, 0) : 0;
}

static int walk_dir(walker *w, const char *path, const char *id)
{
    char **names = NULL;
    size_t n = 0;
    int err = list_dir(path, &names, &n), rc = 0;
    if (err == ENOMEM)
        rc = ENOMEM;
    else if (err)
        rc = fail_doc(w, id, -1, 0, "cannot list the folder: %s", strerror(err));
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *child = join(path, "/", names[i]), *child_id = join(id, "/", names[i]);
        rc = child && child_id ? walk_entry(w, child, child_id, names[i]) : ENOMEM;
        free(child);
        free(child_id);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* The id of a command-line input: its base name ("corpus/" -> "corpus";
 * "." -> the current folder's name). */
static char *input_id(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    const char *base = base_name(copy);
    if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || !*base) {
        char *real = realpath(path, NULL);
        free(copy);
        if (!real)
            return NULL;
        char *id = strdup(strcmp(real, "/") == 0 ? "root" : base_name(real));
        free(real);
        return id;
    }
    char *id = strdup(base);
    free(copy);
    return id;
}

int sources_walk(char *const *inputs, int n, const sources_options *opts,
                 sources_skip_fn skip, sources_take_fn take, void *ctx)
{
    walker w = { .opts = opts, .skip = skip, .take = take, .ctx = ctx };
    struct stat skip_st;
    if (opts->skip_dir && stat(opts->skip_dir, &skip_st) == 0) {
        w.has_skip = 1;
        w.skip_dev = skip_st.st_dev;
        w.skip_ino = skip_st.st_ino;
    }
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        char *id = input_id(inputs[i]);
        struct stat st;
        if (!id)
            rc = ENOMEM;
        else if (strcmp(inputs[i], "-") == 0)   /* streamed: size and mtime unknown */
            rc = walk_archive_at(&w, "-", NULL, 0, "stdin", -1, 0, 0);
        else if (stat(inputs[i], &st) != 0)
            rc = fail_doc(&w, inputs[i], -1, 0, "cannot open: %s", strerror(errno));
        else if (S_ISDIR(st.st_mode))
            rc = walk_dir(&w, inputs[i], id);
        else
            rc = walk_file(&w, inputs[i], id, 1);
        free(id);
    }
    return rc;
}
