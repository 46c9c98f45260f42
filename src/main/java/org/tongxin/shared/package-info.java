/**
 * Shared kernel: time (an injected {@link java.time.Clock}, legal dates in Asia/Shanghai), the one error contract,
 * locale handling, field encryption, cluster-wide locks and small web helpers every module uses. It depends on no
 * other module; every module may use it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tongxin.shared;
