/**
 * Small web helpers every module's pages and API use: form feedback, paging, lock versions, downloads,
 * navigation entries, locales and the filters every request passes.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.web;
