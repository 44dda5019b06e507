# Entities and figure series (entities.hpp, series.hpp), added to the facts library with the
# entity word lists compiled in (data/facts/, see data/README.md for their origin). Included by
# CMakeLists.txt after sitrep_module(facts ...).
include(SitrepEmbed)
sitrep_embed_file(FACTS_ENTITY_DATA
  SYMBOL kEntityLists
  NAMESPACE sitrep::facts::data
  FILE ${PROJECT_SOURCE_DIR}/data/facts/entities.txt)
sitrep_embed_file(FACTS_ENTITY_DATA
  SYMBOL kPlaceNames
  NAMESPACE sitrep::facts::data
  FILE ${PROJECT_SOURCE_DIR}/data/facts/places.txt)
target_sources(sitrep_facts PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/entities.cpp ${CMAKE_CURRENT_LIST_DIR}/series.cpp ${FACTS_ENTITY_DATA})
