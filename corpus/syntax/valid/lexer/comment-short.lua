-- a comment
x = 1 -- trailing comment
