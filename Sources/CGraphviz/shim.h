// The one C header orgnet's Swift code sees of Graphviz (cgraph + gvc).
// Every helper here exists because Swift cannot use the C declaration directly;
// each says why. Only the `Graphviz` Swift module may import this module.
#ifndef ORGNET_CGRAPHVIZ_SHIM_H
#define ORGNET_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 rejects the C globals `Agdirected`, `Agundirected`, ... because they are
// shared mutable state. They are never written after load, so read them here.
static inline Agdesc_t orgnet_desc_directed(void) { return Agdirected; }
static inline Agdesc_t orgnet_desc_strict_directed(void) { return Agstrictdirected; }
static inline Agdesc_t orgnet_desc_undirected(void) { return Agundirected; }
static inline Agdesc_t orgnet_desc_strict_undirected(void) { return Agstrictundirected; }

// The `Agdesc_t` bit-fields are not importable as Swift properties everywhere; read them here.
static inline int orgnet_graph_is_directed(Agraph_t *g) { return agisdirected(g); }
static inline int orgnet_graph_is_strict(Agraph_t *g) { return agisstrict(g); }

// Graphviz 2.42/2.43 take `char *` where later versions take `const char *`.
// These wrappers take `const char *` so Swift strings pass the same on every version;
// the library does not write through these pointers.
static inline Agraph_t *orgnet_memread(const char *text) { return agmemread((char *)text); }
static inline Agsym_t *orgnet_attr(Agraph_t *g, int kind, const char *name, const char *dflt) {
    return agattr(g, kind, (char *)name, (char *)dflt);
}
static inline int orgnet_safeset(void *obj, const char *name, const char *value, const char *dflt) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)dflt);
}
static inline Agnode_t *orgnet_node(Agraph_t *g, const char *name, int create) {
    return agnode(g, (char *)name, create);
}
static inline Agraph_t *orgnet_subg(Agraph_t *g, const char *name, int create) {
    return agsubg(g, (char *)name, create);
}
static inline Agraph_t *orgnet_open(const char *name, Agdesc_t desc) {
    return agopen((char *)name, desc, NULL);
}
static inline char *orgnet_get(void *obj, const char *name) { return agget(obj, (char *)name); }
static inline int orgnet_layout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}
static inline int orgnet_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}
static inline char *orgnet_strdup_html(Agraph_t *g, const char *s) { return agstrdup_html(g, (char *)s); }
static inline int orgnet_strfree(Agraph_t *g, char *s) { return agstrfree(g, s); }

#endif
