goto first
goto second
