-- Years far from now: before year 1, past 9999, and the century fields.
for _, t in ipairs({-62135596800, -62167219200, -62198755200, -65317795200, 253402300799, 253402300800, 327408480000}) do
  print(t, os.date("!%Y|%C|%y|%G|%g|%F|%c", t))
end
print(os.date("!%Y-%m-%d", -2^40), os.date("!%Y-%m-%d", 2^40))
print(pcall(os.date, "!%Y", 2^60))
print(pcall(os.date, "*t", -2^60))
print(os.date("!%Y", 67767976233316800))
