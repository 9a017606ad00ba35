//! Memory advice for the large, read-only lookup tables of the models (the tagger's and parser's
//! weight tables, the event model's): backing them with 2 MB pages. Their lookups are random over
//! several megabytes, so with 4 KB pages nearly every one also misses the address translation
//! cache. Shared by `tidings-parser` and `tidings-coder`.

/// Asks the kernel to back `table`'s memory with huge pages (Linux transparent huge pages in
/// `madvise` mode). Call it before the table is first written, so the pages are made huge when
/// first touched. Only a hint: elsewhere, or when the kernel declines, nothing changes.
pub fn advise_huge_pages<T>(table: &[T]) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        const MADV_HUGEPAGE: i32 = 14;
        extern "C" {
            fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
        }
        let start = table.as_ptr() as usize;
        let end = start + std::mem::size_of_val(table);
        // the whole 2 MB pages inside the table
        let (from, to) = ((start + HUGE - 1) & !(HUGE - 1), end & !(HUGE - 1));
        if to > from {
            // SAFETY: madvise with MADV_HUGEPAGE changes no memory contents; the range is
            // page-aligned and inside the allocation that `table` borrows.
            unsafe { madvise(from as *mut std::ffi::c_void, to - from, MADV_HUGEPAGE) };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = table;
}
