


















local function g(a)
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1
  a = a + 1

