function a()
  function b()
    goto out
  end
  ::out::
end
