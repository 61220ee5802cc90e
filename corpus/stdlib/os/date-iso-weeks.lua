-- ISO 8601 week numbers and week-based years around new year.
local base = 1104019200 -- 2004-12-26 00:00:00 UTC
for day = 0, 9 do
  local t = base + day * 86400
  print(os.date("!%Y-%m-%d %a: %G-W%V-%u  U%U W%W j%j", t))
end
for _, t in ipairs({1230422400, 1230508800, 1262217600, 1262476800, 1262563200}) do
  print(os.date("!%F %G %g %V", t))
end
