# Generation of the C++ parser from grammar/*.g4 at build time, and the ANTLR runtime target.
# Uses Debian's `antlr4` tool (4.7.2) and libantlr4-runtime-dev (4.9). Nothing generated is committed:
# the sources land in ${CMAKE_BINARY_DIR}/grammar/ and build the static library segc_grammar_gen.

find_program(SEGC_ANTLR4_TOOL NAMES antlr4 REQUIRED DOC "ANTLR 4 tool (Debian package antlr4)")

# --- the runtime: headers as SYSTEM so our -Werror targets do not trip on them ---
find_path(SEGC_ANTLR4_INCLUDE_DIR antlr4-runtime.h PATH_SUFFIXES antlr4-runtime REQUIRED)
find_library(SEGC_ANTLR4_LIBRARY NAMES antlr4-runtime REQUIRED)
# The 4.9 umbrella header pulls in misc/InterpreterDataReader.h, which clang rejects with
# libstdc++ (a deleted Vocabulary default constructor). Nothing here uses it, so a copy of the
# umbrella header without that line is placed first on the include path.
set(SEGC_ANTLR4_SHIM_DIR ${CMAKE_BINARY_DIR}/antlr4-shim)
file(READ ${SEGC_ANTLR4_INCLUDE_DIR}/antlr4-runtime.h umbrella)
string(REPLACE "#include \"misc/InterpreterDataReader.h\"" "" umbrella "${umbrella}")
# Written through configure_file so that an unchanged header keeps its time stamp: rewriting
# it on every configure would rebuild the parser and everything that includes it.
file(WRITE ${SEGC_ANTLR4_SHIM_DIR}/antlr4-runtime.h.new "${umbrella}")
configure_file(${SEGC_ANTLR4_SHIM_DIR}/antlr4-runtime.h.new ${SEGC_ANTLR4_SHIM_DIR}/antlr4-runtime.h
               COPYONLY)
add_library(segc_antlr4_runtime INTERFACE)
target_include_directories(segc_antlr4_runtime SYSTEM BEFORE INTERFACE ${SEGC_ANTLR4_SHIM_DIR}
                                                                     ${SEGC_ANTLR4_INCLUDE_DIR})
target_link_libraries(segc_antlr4_runtime INTERFACE ${SEGC_ANTLR4_LIBRARY})

# segc_antlr_grammar(<target> LEXER <g4> PARSER <g4> PACKAGE <ns>)
# Generates C++ (visitor, no listener) into ${CMAKE_BINARY_DIR}/grammar and builds <target>.
function(segc_antlr_grammar target)
  cmake_parse_arguments(ARG "" "LEXER;PARSER;PACKAGE" "" ${ARGN})
  get_filename_component(lexer_name ${ARG_LEXER} NAME_WE)
  get_filename_component(parser_name ${ARG_PARSER} NAME_WE)
  get_filename_component(grammar_dir ${ARG_LEXER} DIRECTORY)
  set(out ${CMAKE_BINARY_DIR}/grammar)
  set(generated
    ${out}/${lexer_name}.cpp ${out}/${lexer_name}.h
    ${out}/${parser_name}.cpp ${out}/${parser_name}.h
    ${out}/${parser_name}Visitor.cpp ${out}/${parser_name}Visitor.h
    ${out}/${parser_name}BaseVisitor.cpp ${out}/${parser_name}BaseVisitor.h)
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${out}
    COMMAND ${SEGC_ANTLR4_TOOL} -Dlanguage=Cpp -visitor -no-listener -package ${ARG_PACKAGE}
            -Xexact-output-dir -o ${out} -lib ${out} ${ARG_LEXER}
    COMMAND ${SEGC_ANTLR4_TOOL} -Dlanguage=Cpp -visitor -no-listener -package ${ARG_PACKAGE}
            -Xexact-output-dir -o ${out} -lib ${out} ${ARG_PARSER}
    DEPENDS ${ARG_LEXER} ${ARG_PARSER}
    WORKING_DIRECTORY ${grammar_dir}
    COMMENT "Generating the segc parser with ANTLR"
    VERBATIM)
  add_library(${target} STATIC ${generated})
  target_include_directories(${target} SYSTEM PUBLIC ${out})
  target_link_libraries(${target} PUBLIC segc_antlr4_runtime)
  # Generated code is not ours: no -Werror, no warnings at all. ANTLR 4.7.2 emits u8"" literals
  # into std::string, which C++20's char8_t rejects.
  target_compile_options(${target} PRIVATE -w -fno-char8_t)
endfunction()
