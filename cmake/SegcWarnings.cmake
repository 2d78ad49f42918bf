# Strict warnings for our own targets only (third-party and generated code keep their own flags).
function(segc_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
