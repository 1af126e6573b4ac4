# The web app in the binary: builds web/ with npm (scripts/build-web) into
# the build folder and embeds the result (cmake/EmbedWeb.cmake) as the
# static library hd_web_bundle, which defines hd::app::BundledWebFiles().
# -DHD_EMBED_WEB=OFF builds no web app (no Node.js needed); `helpdesk
# serve` then serves only the API unless http.web_root names a folder.
option(HD_EMBED_WEB "Build the web app with npm and embed it in the binary" ON)

set(hd_web_out "${CMAKE_BINARY_DIR}/web")
file(MAKE_DIRECTORY "${hd_web_out}")
set(hd_web_dist "")
set(hd_web_stamp "")
if(HD_EMBED_WEB)
  file(GLOB_RECURSE hd_web_inputs CONFIGURE_DEPENDS
       "${PROJECT_SOURCE_DIR}/web/src/*.ts" "${PROJECT_SOURCE_DIR}/web/src/*.css"
       "${PROJECT_SOURCE_DIR}/web/public/*")
  list(FILTER hd_web_inputs EXCLUDE REGEX "/web/src/api/schema\\.d\\.ts$")
  list(APPEND hd_web_inputs
       "${PROJECT_SOURCE_DIR}/web/index.html" "${PROJECT_SOURCE_DIR}/web/package.json"
       "${PROJECT_SOURCE_DIR}/web/package-lock.json" "${PROJECT_SOURCE_DIR}/web/vite.config.ts"
       "${PROJECT_SOURCE_DIR}/web/tsconfig.json" "${PROJECT_SOURCE_DIR}/web/tsconfig.node.json"
       "${PROJECT_SOURCE_DIR}/web/scripts/compress.mjs"
       "${PROJECT_SOURCE_DIR}/docs/openapi.yaml" "${PROJECT_SOURCE_DIR}/scripts/build-web")
  set(hd_web_dist "${hd_web_out}/dist")
  set(hd_web_stamp "${hd_web_out}/dist.stamp")
  add_custom_command(OUTPUT "${hd_web_stamp}"
    COMMAND "${PROJECT_SOURCE_DIR}/scripts/build-web" "${hd_web_dist}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${hd_web_stamp}"
    DEPENDS ${hd_web_inputs}
    COMMENT "Building the web app (web/, npm)"
    USES_TERMINAL VERBATIM)
endif()

add_custom_command(OUTPUT "${hd_web_out}/web_bundle.stamp"
  BYPRODUCTS "${hd_web_out}/web_bundle.cpp"
  COMMAND "${CMAKE_COMMAND}" "-DDIST=${hd_web_dist}" "-DOUT=${hd_web_out}"
          -P "${PROJECT_SOURCE_DIR}/cmake/EmbedWeb.cmake"
  COMMAND "${CMAKE_COMMAND}" -E touch "${hd_web_out}/web_bundle.stamp"
  DEPENDS ${hd_web_stamp} "${PROJECT_SOURCE_DIR}/cmake/EmbedWeb.cmake"
  COMMENT "Embedding the web app"
  VERBATIM)
add_custom_target(hd_web_bundle_files DEPENDS "${hd_web_out}/web_bundle.stamp")

add_library(hd_web_bundle STATIC "${hd_web_out}/web_bundle.cpp")
add_dependencies(hd_web_bundle hd_web_bundle_files)
target_include_directories(hd_web_bundle PRIVATE "${PROJECT_SOURCE_DIR}/src")
