function f()
  ::top::
  do end
  ::top::
end
