-- loadfile and dofile on a directory: fopen succeeds on Linux, the read fails, so the message is "cannot read ...: Is a directory".
print(loadfile("/"))
print(pcall(dofile, "/"))
print(loadfile("/tmp", "t"))
print(loadfile("/", "b"))
