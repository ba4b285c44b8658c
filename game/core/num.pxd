cpdef double fround(double x, int n)
cpdef bint same(str a, str b) noexcept
cpdef double clamp(double x, double lo, double hi)
cpdef double cared_fit(list nw, list fit, list care_ids)
