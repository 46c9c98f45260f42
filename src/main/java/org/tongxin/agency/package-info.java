/**
 * Agencies (organs) of community correction, their hierarchy (city → district/county → township) and
 * jurisdictions, with GB/T 2260 division codes and unified social credit codes. {@link org.tongxin.agency.AgencyDirectory}
 * answers queries; {@link org.tongxin.agency.AgencyManagement} changes agencies (system administrators only).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.tongxin.agency;
