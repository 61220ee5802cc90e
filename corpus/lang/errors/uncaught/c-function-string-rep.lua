-- An uncaught argument error from a C function (string.rep with no args).
print(string.rep('ab', 3))
string.rep()
