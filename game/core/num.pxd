cpdef double fround(double x, int n)
cpdef double clamp(double x, double lo, double hi)
cpdef double cared_fit(list nw, list fit, list care_ids)
