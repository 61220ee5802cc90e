return f(...)
