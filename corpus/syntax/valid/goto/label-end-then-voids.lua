do
  goto e
  local x
  ::e:: ;; ::f:: ;
end
