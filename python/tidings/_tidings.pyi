"""Type stubs of the native module (src/lib.rs)."""

from typing import List, Optional, Tuple

__version__: str

def columns() -> List[Tuple[str, str, bool, bool]]: ...
def read_file(path: str) -> Tuple[str, List[str]]: ...
def code_jsonl(
    data: bytes, threads: int = 1, keep_negated: bool = False, first_id: int = 0
) -> Tuple[bytes, List[str]]: ...

class Store:
    def __init__(self, path: str) -> None: ...
    def ingest_jsonl(self, data: bytes, threads: int = 2) -> Tuple[str, List[str]]: ...
    def query_parquet(
        self,
        actor: Optional[str] = None,
        dyad: Optional[Tuple[str, str]] = None,
        code: Optional[str] = None,
        quad_class: Optional[int] = None,
        start: Optional[str] = None,
        end: Optional[str] = None,
        limit: Optional[int] = None,
        date_basis: Optional[List[str]] = None,
    ) -> bytes: ...
    def timeline_json(
        self, a: str, b: str, by: str = "month", with_history: bool = False
    ) -> str: ...
