










local t = {a = }
