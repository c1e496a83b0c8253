// The WebAssembly module's allocator: `posix_memalign` and `free` for the Embedded Swift runtime,
// and `tandem_alloc` / `tandem_free` for the JS glue.
//
// Blocks come in power-of-two size classes with a 16-byte header holding the class; a freed block
// goes onto its class's free list and is reused by the next allocation of that class. Scoring
// calls allocate the same sizes again and again, so memory stays flat however often the form
// rescores. Fresh blocks are carved from the top of the heap, growing memory when needed.

typedef __SIZE_TYPE__ size_t;

extern unsigned char __heap_base;

enum { header = 16, page = 65536, classes = 32 };

static unsigned char *heap_top;
static unsigned char *heap_end;
static void *free_lists[classes];

static void *carve(size_t bytes) {
    if (!heap_top) {
        heap_top = (unsigned char *)(((size_t)&__heap_base + 15) & ~(size_t)15);
        heap_end = (unsigned char *)(__builtin_wasm_memory_size(0) * page);
    }
    size_t room = (size_t)(heap_end - heap_top);
    if (room < bytes) {
        size_t pages = (bytes - room + page - 1) / page;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
        heap_end += pages * page;
    }
    void *block = heap_top;
    heap_top += bytes;
    return block;
}

static void *allocate(size_t size) {
    if (size > ((size_t)1 << 30)) return 0;
    unsigned sizeClass = 5; // 32 bytes: the header plus 16
    while (((size_t)1 << sizeClass) < size + header) sizeClass++;
    unsigned char *block = free_lists[sizeClass];
    if (block) {
        free_lists[sizeClass] = *(void **)block;
    } else {
        block = carve((size_t)1 << sizeClass);
        if (!block) return 0;
    }
    *(unsigned *)block = sizeClass;
    return block + header;
}

void free(void *pointer) {
    if (!pointer) return;
    unsigned char *block = (unsigned char *)pointer - header;
    unsigned sizeClass = *(unsigned *)block;
    *(void **)block = free_lists[sizeClass];
    free_lists[sizeClass] = block;
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    // Every block is 16-byte aligned; Swift asks for no more than that.
    if (alignment > header || (alignment & (alignment - 1))) return 22; // EINVAL
    void *pointer = allocate(size);
    if (!pointer) return 12; // ENOMEM
    *result = pointer;
    return 0;
}

/// Allocates `size` bytes, 16-byte aligned, for the JS glue; 0 when memory is exhausted.
void *tandem_alloc(size_t size) { return allocate(size); }

/// Frees a block from `tandem_alloc`.
void tandem_free(void *pointer) { free(pointer); }
