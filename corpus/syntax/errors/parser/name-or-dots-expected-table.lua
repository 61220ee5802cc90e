function f({a}) end
