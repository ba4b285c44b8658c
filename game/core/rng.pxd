cimport cython

cdef class Rng:
    cdef public unsigned long long s
    cpdef unsigned long long next64(self)
    cpdef double random(self)
    cpdef bint chance(self, double p)
    cpdef double uniform(self, double lo, double hi)
    cpdef long long randint(self, long long n)
    cpdef double gauss(self, double mu, double sigma)
