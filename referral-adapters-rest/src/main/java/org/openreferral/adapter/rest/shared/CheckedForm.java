package org.openreferral.adapter.rest.shared;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads form fields, so that {@link TextParameters} checks them once the form is parsed.
 * Bound by name because a filter that parses forms would parse every request's body; a method with form fields that
 * lacks it fails its first request (see {@link TextParameters}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CheckedForm {
}
