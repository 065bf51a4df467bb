/*
 * pdf_reader.c: doctag-pdf-reader, the helper program that reads a PDF's
 * pages for a process with threads (pages.h says why: a fork there could
 * copy a lock another thread holds; posix_spawn of this program cannot).
 *
 * Standard input: a pages_request, the password and the PDF (a memfd made
 * by pages.c, so it can be mapped; the document's other readers map the
 * same one). argv[1]: this reader's k, 0 <= k < the request's stride (none:
 * 0); it reads pages first+k, first+k+stride, ... Standard output:
 * PAGES_MAGIC, PAGES_VERSION, then its pages in the page protocol
 * (pages_serve()).
 * The caller enforces the per-page budget and kills this process when a
 * page runs over. Exit status: 0 done, 1 the pipe closed, 2 a bad request,
 * 3 the PDF cannot be opened (the caller opened it already, so it reports
 * what went wrong). Not meant to be run by hand.
 */
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pages.h"

static PopplerDocument *open_doc(const char *data, size_t size, const char *password)
{
    GBytes *bytes = g_bytes_new_static(data, size);
    GInputStream *stream = g_memory_input_stream_new_from_bytes(bytes);
    PopplerDocument *doc = poppler_document_new_from_stream(stream, (goffset)size, password,
                                                            NULL, NULL);
    g_object_unref(stream);
    g_bytes_unref(bytes);
    return doc;
}

/* This reader's k from argv[1] (0 without it), or -1 when it is not one
 * below stride. */
static int reader_index(int argc, char **argv, uint32_t stride)
{
    if (argc < 2)
        return 0;
    char *end;
    long k = strtol(argv[1], &end, 10);
    return *end == '\0' && end != argv[1] && k >= 0 && (uint32_t)k < stride ? (int)k : -1;
}

int main(int argc, char **argv)
{
    struct stat st;
    if (fstat(0, &st) < 0 || (size_t)st.st_size < sizeof(pages_request))
        return 2;
    size_t size = (size_t)st.st_size;
    const char *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, 0, 0);
    if (map == MAP_FAILED)
        return 2;
    pages_request rq;
    memcpy(&rq, map, sizeof rq);
    if (rq.magic != PAGES_MAGIC || rq.version != PAGES_VERSION
        || rq.pw_len > size - sizeof rq || rq.first < 1 || rq.last < rq.first
        || rq.stride < 1 || rq.stride > INT32_MAX)
        return 2;
    int k = reader_index(argc, argv, rq.stride);
    if (k < 0 || (int64_t)rq.first + k > rq.last)
        return 2;
    char *password = rq.pw_len ? strndup(map + sizeof rq, rq.pw_len) : NULL;
    size_t at = sizeof rq + rq.pw_len;
    PopplerDocument *doc = open_doc(map + at, size - at, password);
    free(password);
    if (!doc)
        return 3;
    uint32_t hello[2] = { PAGES_MAGIC, PAGES_VERSION };
    int rc = write(1, hello, sizeof hello) == (ssize_t)sizeof hello
             && pages_serve(1, doc, rq.first + k, rq.last, (int)rq.stride) == 0 ? 0 : 1;
    g_object_unref(doc);
    munmap((void *)map, size);
    return rc;
}
