package org.tongxin.shared.web;

/**
 * In demo mode only: whether the demo data is still being generated in the background after start-up (the demo
 * module provides it); every page says so meanwhile, as cases and inbox items appear while it runs.
 */
public interface DemoProgress {

    boolean loading();
}
