cimport cython

@cython.final
cdef class Queue:
    cdef double* keys
    cdef int* kinds
    cdef int* targets
    cdef int* heap
    cdef int* tags
    cdef double* saved
    cdef int boff[64]
    cdef int bsize[64]
    cdef char live[64]
    cdef int act[64]
    cdef int pos[64]
    cdef int nact
    cdef public int dead_top
    cdef public Py_ssize_t n, size, capacity
    cpdef void reset(self, Py_ssize_t capacity)
    cpdef int add(self, double key, int kind, int target)
    cpdef void start(self) noexcept
    cpdef void save(self)
    cpdef void rewind(self)
    cdef bint _less(self, int a, int b) noexcept
    cdef void _enter(self, int b) noexcept
    cdef void _leave(self, int b) noexcept
    cdef void _down(self, int b, Py_ssize_t i) noexcept
    cpdef void push(self, int option) noexcept
    cpdef int pop(self) noexcept
    cpdef void retire(self, int d0, int d1, int d2, int d3) noexcept
    cpdef bint retired_before(self, int option) noexcept

@cython.final
cdef class Marks:
    cdef unsigned long long taken[65]
    cdef char once[64]
    cdef int version[64]
    cdef int days[4]
    cpdef void clear(self) noexcept
