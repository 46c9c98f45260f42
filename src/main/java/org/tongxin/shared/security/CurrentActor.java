package org.tongxin.shared.security;

/** Tells who is acting now (the identity module knows; audit and others ask). */
public interface CurrentActor {

    Actor get();
}
