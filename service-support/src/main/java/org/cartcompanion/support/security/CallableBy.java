package org.cartcompanion.support.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The services that may call an {@code /internal} endpoint (by their token's subject); any other service gets 403. On a method
 * it replaces the class's list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface CallableBy {

    String[] value();
}
