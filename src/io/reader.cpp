#include "sitrep/io/reader.hpp"
