cimport cython

@cython.final
cdef class Queue:
    cdef double* keys
    cdef int* kinds
    cdef int* targets
    cdef int* heap
    cdef int* tags
    cdef public Py_ssize_t n, size, capacity
    cpdef void add(self, double key, int kind, int target)
    cpdef void start(self)
    cdef bint _less(self, int a, int b)
    cdef void _down(self, Py_ssize_t i)
    cpdef void push(self, int option)
    cpdef int pop(self)

@cython.final
cdef class Marks:
    cdef unsigned long long taken[65]
    cdef char once[64]
    cdef int version[64]
    cdef int days[4]
