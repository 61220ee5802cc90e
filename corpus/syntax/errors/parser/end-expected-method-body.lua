function a.b:c()
  return self

