-- %g formats integers and floats the same way, unlike tostring.
for _, v in ipairs({1, 1.0, 10, 1e15, 1e16, 2^53, 123456789, 0.5}) do
  print(tostring(v), string.format('%g', v), string.format('%.14g', v))
end
