-- T1 output: message `attempt to call a string value (constant '?')` differs in a name or number (conform shrink 9371)
print(pcall(function()
  return ("a\000b")()
end))
