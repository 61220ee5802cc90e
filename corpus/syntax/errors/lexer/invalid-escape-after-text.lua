x = 'abc\cdef'
