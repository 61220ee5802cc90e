-- The "C" locale is always there; unknown locales and categories fail.
print(os.setlocale("C"), os.setlocale(), os.setlocale(nil, "numeric"))
print(os.setlocale("C", "all"), os.setlocale("C", "collate"), os.setlocale("C", "time"))
print(os.setlocale("ferrolua-no-such-locale"), os.setlocale())
print(os.setlocale("POSIX", "ctype"), os.setlocale(nil, "ctype"))
print(pcall(os.setlocale, "C", "everything"))
print(pcall(os.setlocale, {}))
print(os.setlocale("C"))
