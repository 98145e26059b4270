// The one C header orgnet's Swift code sees of Graphviz (cgraph + gvc).
// Every helper here exists because Swift cannot use the C declaration directly;
// each says why. Only the `Graphviz` Swift module may import this module.
#ifndef ORGNET_CGRAPHVIZ_SHIM_H
#define ORGNET_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Graphs reach cgraph only through `agmemread` of DOT text (see Engine.swift), so the
// C globals `Agdirected`... and the node/edge/attribute constructors are not wrapped.

// The `Agdesc_t` bit-fields are not importable as Swift properties everywhere; read them here.
static inline int orgnet_graph_is_directed(Agraph_t *g) { return agisdirected(g); }
static inline int orgnet_graph_is_strict(Agraph_t *g) { return agisstrict(g); }

// Graphviz 2.42/2.43 take `char *` where later versions take `const char *`.
// These wrappers take `const char *` so Swift strings pass the same on every version;
// the library does not write through these pointers.
static inline Agraph_t *orgnet_memread(const char *text) { return agmemread((char *)text); }
static inline char *orgnet_get(void *obj, const char *name) { return agget(obj, (char *)name); }
static inline int orgnet_layout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}
static inline int orgnet_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}

// `agtail`, `aghead` and `AGSEQ` are function-like macros over cgraph's internal
// layout, which Swift cannot import; these read them.
static inline Agnode_t *orgnet_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *orgnet_head(Agedge_t *e) { return aghead(e); }
/// Creation sequence number of a graph object: gives edges their declaration order.
static inline unsigned long orgnet_seq(void *obj) { return AGSEQ(obj); }

// cgraph's lexer keeps a global line counter that `agmemread` never resets (only
// `agsetfile` does), so without this the second parse reports line numbers offset by
// the first input's length. Passing NULL also keeps a file name out of the messages.
static inline void orgnet_reset_line_numbers(void) { agsetfile(NULL); }

// The error hook: Swift passes a `@convention(c)` function; declared here with the
// exact C type so 2.42/2.43 (`char *`) and later versions import the same way.
typedef int (*orgnet_error_hook)(char *);
static inline void orgnet_install_error_hook(orgnet_error_hook hook) {
    agseterrf(hook);
    // Report warnings too (AGWARN is the lowest level): every message goes to the hook,
    // none is printed to stderr by cgraph's default handler.
    agseterr(AGWARN);
}

// `attach_attrs` writes the layout (pos, width, height, bb) back into string attributes
// so Swift can read it with `agget` without knowing Graphviz's private record layouts.
static inline void orgnet_attach_layout_attributes(Agraph_t *g) { attach_attrs(g); }

#endif
