cpdef double fround(double x, int n)
cpdef double clamp(double x, double lo, double hi)
