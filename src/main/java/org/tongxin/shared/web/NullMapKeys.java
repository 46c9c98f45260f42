package org.tongxin.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A map whose key may be null (the coordinator's holdups group obligations by case, and an obligation about a matter
 * has none) is written with an empty key instead of failing the whole response with a 500.
 */
@Configuration(proxyBeanMethods = false)
class NullMapKeys {

    @Bean
    JsonMapperBuilderCustomizer nullMapKeysAreEmpty() {
        return builder -> builder.serializerFactory(
                builder.serializerFactory().withNullKeySerializer(new ValueSerializer<Object>() {
                    @Override
                    public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
                        generator.writeName("");
                    }
                }));
    }
}
