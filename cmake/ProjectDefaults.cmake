# meldkluis_defaults(<target>): the compile options every project target gets.
# Warnings are errors-free by policy: the build must stay clean under -Wall -Wextra -Wpedantic.
function(meldkluis_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(MELDKLUIS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
