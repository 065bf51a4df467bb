# Type stubs of doctag._native (the C extension, _native.c).
from typing import Callable, List, Optional, Sequence, Tuple

_Box = Tuple[int, float, float, float, float]
_Row = Tuple[str, str, int, int, str, int, Tuple[_Box, ...]]
# (max_input_bytes, max_entities, max_pages, pdf_page_ms): bytes, entities,
# pages, CPU milliseconds per PDF page; 0 for the library's default
_Limits = Tuple[int, int, int, int]

LIMITED_API: int
HEADER_VERSION: str
HEADER_VERSION_NUMBER: int
TYPE_NAMES: Tuple[str, ...]
OK: int
ERR_NOMEM: int
ERR_ARG: int
ERR_IO: int
ERR_UTF8: int
ERR_EMPTY: int
ERR_DICT_SYNTAX: int
ERR_PATTERN: int
ERR_MODEL_FORMAT: int
ERR_NOT_PDF: int
ERR_PDF_CORRUPT: int
ERR_PDF_ENCRYPTED: int
ERR_PDF_NO_PAGES: int
ERR_PDF_NO_TEXT: int
ERR_PAGE_RANGE: int
ERR_UNSUPPORTED: int
ERR_INTERNAL: int
ERR_PDF_LIMIT: int
ERR_LIMIT_INPUT: int
ERR_LIMIT_ENTITIES: int

class ModelHandle: ...

# (text, start, first_page, last_page, page_count, pages_without_text, rows)
_Piece = Tuple[str, int, int, int, int, Tuple[int, ...], List[_Row]]

class StreamHandle:
    def next(self) -> Optional[_Piece]: ...
    def close(self) -> None: ...
    def warnings(self) -> Tuple[str, ...]: ...

def init(error_factory: Callable[[int, str, str, int], BaseException]) -> None: ...
def version() -> str: ...
def version_number() -> int: ...
def strerror(code: int) -> str: ...
def default_limits() -> _Limits: ...
def model_open(path: Optional[bytes], dictionaries: Tuple[bytes, ...],
               limits: Optional[_Limits] = None, trusted: bool = False) -> ModelHandle: ...
def model_entry_count(model: ModelHandle) -> int: ...
def model_save(model: ModelHandle, path: bytes) -> None: ...
# (rows, warnings): a warning per region skipped because a pattern hit a match limit
def tag_text(model: ModelHandle, text: str) -> Tuple[List[_Row], Tuple[str, ...]]: ...
def tag_utf8(model: ModelHandle, data: bytes) -> Tuple[List[_Row], Tuple[str, ...]]: ...
# (text, page_count, pages_without_text, rows, page_starts, warnings)
def tag_pdf(model: ModelHandle, source: bytes, is_path: bool, password: Optional[bytes],
            first_page: int, last_page: int, readers: int
            ) -> Tuple[str, int, Tuple[int, ...], List[_Row], Tuple[int, ...],
                       Tuple[str, ...]]: ...
def pdf_highlight(path: bytes, password: Optional[bytes],
                  marks: Sequence[Tuple[int, Optional[bytes], int, Sequence[_Box]]],
                  out: bytes) -> None: ...
def type_color(type: int) -> int: ...
def stream_pdf(model: ModelHandle, source: bytes, is_path: bool, password: Optional[bytes],
               first_page: int, last_page: int, readers: int, window_pages: int
               ) -> StreamHandle: ...
